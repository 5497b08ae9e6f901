namespace AsMassageAdvisor.Hosting;

/// <summary>
/// Settings for the advisor registered by <c>services.AddAsMassageAdvisor(options =&gt; …)</c>. With no
/// settings the built-in knowledge base is used alone.
/// </summary>
public sealed class AsMassageAdvisorOptions
{
    /// <summary>
    /// The path of a clinic rule file to add to the built-in rules, or null for none. Give this or
    /// <see cref="ClinicRulesJson"/>, not both.
    /// </summary>
    public string? ClinicRulesPath { get; set; }

    /// <summary>
    /// The text of a clinic rule file to add to the built-in rules, or null for none. Give this or
    /// <see cref="ClinicRulesPath"/>, not both.
    /// </summary>
    public string? ClinicRulesJson { get; set; }
}
