using AsMassageAdvisor.Knowledge;
using Microsoft.Extensions.Logging;

namespace AsMassageAdvisor.Hosting;

/// <summary>
/// Loads the knowledge base the options ask for, once, and logs what was loaded. The start-up check and
/// the service registration share it, so that a bad clinic rule file stops the host with every problem
/// named and a good one is loaded and compiled only once.
/// </summary>
internal sealed partial class KnowledgeBaseLoader(ILogger<KnowledgeBaseLoader> logger)
{
    private readonly Lock _gate = new();
    private KnowledgeBase? _loaded;

    public KnowledgeBase Get(AsMassageAdvisorOptions options)
    {
        lock (_gate)
        {
            return _loaded ??= Load(options);
        }
    }

    private KnowledgeBase Load(AsMassageAdvisorOptions options)
    {
        var builtIn = KnowledgeBase.BuiltIn;
        LogBuiltIn(logger, builtIn.Identity.Version, builtIn.Identity.Sha256, builtIn.Rules.Count, builtIn.ActiveRules.Count, builtIn.Requirements.Count);
        var json = options.ClinicRulesPath is { } path ? File.ReadAllText(path) : options.ClinicRulesJson;
        if (json is null)
        {
            return builtIn;
        }

        var from = options.ClinicRulesPath ?? "the configured text";
        try
        {
            var combined = builtIn.WithClinicRules(json);
            var clinic = combined.Identity.ClinicRules!;
            LogClinic(logger, clinic.Name, clinic.Version, clinic.Sha256, from, combined.Rules.Count - builtIn.Rules.Count, combined.ActiveRules.Count - builtIn.ActiveRules.Count);
            return combined;
        }
        catch (KnowledgeBaseException ex)
        {
            LogClinicRejected(logger, from, ex.Problems.Count, string.Join("; ", ex.Problems.Select(p => p.ToString())));
            throw;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Knowledge base {Version} (sha256 {Sha256}) loaded: {RuleCount} rules, {ActiveRuleCount} of them active, implementing {RequirementCount} requirements")]
    private static partial void LogBuiltIn(ILogger logger, string version, string sha256, int ruleCount, int activeRuleCount, int requirementCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Clinic rules '{Name}' {Version} (sha256 {Sha256}) from {Source} added: {RuleCount} rules, {ActiveRuleCount} of them active")]
    private static partial void LogClinic(ILogger logger, string name, string version, string sha256, string source, int ruleCount, int activeRuleCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error,
        Message = "The clinic rule file {Source} was rejected with {ProblemCount} problems: {Problems}")]
    private static partial void LogClinicRejected(ILogger logger, string source, int problemCount, string problems);
}
