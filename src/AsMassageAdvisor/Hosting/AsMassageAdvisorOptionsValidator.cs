using AsMassageAdvisor.Knowledge;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.Hosting;

/// <summary>
/// Checks the options at start-up, including loading the clinic rule file, so that a host with a bad file
/// does not start, rather than failing on its first assessment.
/// </summary>
internal sealed class AsMassageAdvisorOptionsValidator(KnowledgeBaseLoader loader) : IValidateOptions<AsMassageAdvisorOptions>
{
    public ValidateOptionsResult Validate(string? name, AsMassageAdvisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ClinicRulesPath is not null && options.ClinicRulesJson is not null)
        {
            return ValidateOptionsResult.Fail(
                $"{nameof(AsMassageAdvisorOptions)}: give {nameof(options.ClinicRulesPath)} or {nameof(options.ClinicRulesJson)}, not both.");
        }

        if (options.ClinicRulesPath is { } path && !File.Exists(path))
        {
            return ValidateOptionsResult.Fail($"{nameof(AsMassageAdvisorOptions)}.{nameof(options.ClinicRulesPath)}: no file at '{path}'.");
        }

        try
        {
            loader.Get(options);
            return ValidateOptionsResult.Success;
        }
        catch (KnowledgeBaseException ex)
        {
            return ValidateOptionsResult.Fail(ex.Problems.Select(p => "clinic rule file: " + p.ToString()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{nameof(AsMassageAdvisorOptions)}.{nameof(options.ClinicRulesPath)}: cannot read '{options.ClinicRulesPath}': {ex.Message}");
        }
    }
}
