using System.Text.Json.Serialization;

namespace AsMassageAdvisor.Advice;

/// <summary>Which knowledge base produced an assessment.</summary>
/// <param name="Version">The knowledge base's version.</param>
/// <param name="Sha256">The SHA-256 of its rule and source files, lower-case hex.</param>
public sealed record KnowledgeBaseIdentity(string Version, string Sha256)
{
    /// <summary>The clinic rule file loaded on top of it, if any; null for the built-in rules alone.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClinicRulesIdentity? ClinicRules { get; init; }
}
