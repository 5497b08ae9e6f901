using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// A loaded, checked and compiled set of rules with its source catalogue. Loading is eager: every
/// metadata field is checked, every citation is resolved against the catalogue, and every expression
/// is compiled and run once on a warm-up input, so that a broken rule fails here and never reads as
/// "no hazard" later. A knowledge base is immutable and safe to share between threads.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, IReadOnlyList<Citation>> _citations;
    private readonly Dictionary<string, RuleDefinition> _rulesByCode;
    private readonly Lazy<RuleNetwork> _network;
    private readonly Func<string, string, LambdaExpression?>? _precompiled;

    private const string BuiltInCodePrefix = "ASM-";

    private static readonly Lazy<KnowledgeBase> BuiltInInstance = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    private KnowledgeBase(
        KnowledgeBaseIdentity identity,
        IReadOnlyList<Requirement> requirements,
        IReadOnlyList<RuleDefinition> rules,
        IReadOnlyList<Source> sources,
        IReadOnlyList<RuleStatus> runStatuses,
        bool checkRules,
        Func<string, string, LambdaExpression?>? precompiled = null)
    {
        Identity = identity;
        _precompiled = precompiled;
        Requirements = requirements;
        Rules = rules;
        Sources = sources;
        RunStatuses = runStatuses;
        ActiveRules = rules.Where(r => runStatuses.Contains(r.Status)).ToArray().AsReadOnly();
        _citations = rules.ToDictionary(
            r => r.Code,
            r => (IReadOnlyList<Citation>)r.Citations.Select(c =>
            {
                var source = GetSource(c.Source);
                return new Citation(c.Source, c.Section, source.Label, source.Doi, c.Evidence);
            }).ToArray().AsReadOnly(),
            StringComparer.Ordinal);
        _rulesByCode = rules.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _network = new Lazy<RuleNetwork>(() => new RuleNetwork(ActiveRules, InterpretRules, precompiled), LazyThreadSafetyMode.ExecutionAndPublication);

        // A rule file from outside is parsed, checked, compiled and run here, so that a broken rule fails the load. The
        // built-in rules passed the same checks when the library was built and tested, so their network waits for the
        // first assessment: a process that only lists the rules or prints its version never builds it.
        if (checkRules)
        {
            try
            {
                WarmUp(_network.Value);
            }
            catch (KnowledgeBaseException ex)
            {
                throw new KnowledgeBaseException(OneExplanationEach(ex.Problems));
            }
        }
    }

    /// <summary>The knowledge base shipped with the library, loaded once on first use.</summary>
    public static KnowledgeBase BuiltIn => BuiltInInstance.Value;

    /// <summary>Its version and content hash.</summary>
    public KnowledgeBaseIdentity Identity { get; }

    /// <summary>The clinical requirements the rules implement, ordered by ID; each is implemented by at least one rule.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>Every rule, whatever its status, ordered by code.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>The rules that run: those whose status is in <see cref="RunStatuses"/>, ordered by code.</summary>
    public IReadOnlyList<RuleDefinition> ActiveRules { get; }

    /// <summary>The statuses of the rules that run.</summary>
    public IReadOnlyList<RuleStatus> RunStatuses { get; }

    /// <summary>The source catalogue, ordered by ID.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>The rules compiled into one NRules network, built on first use and shared by every assessment.</summary>
    internal RuleNetwork Network => _network.Value;

    // One forbidden call is reported by the allow-list at every node it reaches (the method, the type it returns, the
    // member read from that), each with the same explanation: they become one problem that names them, the innermost
    // (the root) first, and explains once.
    private static KnowledgeBaseProblem[] OneExplanationEach(IReadOnlyList<KnowledgeBaseProblem> problems)
    {
        var result = new List<KnowledgeBaseProblem>(problems.Count);
        foreach (var group in problems.GroupBy(p => (p.Rule, p.Path, Why: NotAllowed(p.Message)?.Why)))
        {
            var list = group.ToList();
            result.Add(group.Key.Why is { } why && list.Count > 1
                ? list[0] with { Message = $"not allowed: {string.Join("; ", list.Select(p => NotAllowed(p.Message)!.Value.What).Reverse())} ({why})" }
                : list[0]);
            if (group.Key.Why is null)
            {
                result.AddRange(list.Skip(1));
            }
        }

        return [.. result];
    }

    private static (string What, string Why)? NotAllowed(string message)
    {
        const string Marker = " is not allowed (";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        return at > 0 && message.EndsWith(')')
            ? (message[..at], message[(at + Marker.Length)..^1])
            : null;
    }

    // Runs every rule once on an ordinary request, so that a rule that cannot run is rejected at load.
    private static void WarmUp(RuleNetwork network)
    {
        var run = network.Run(RuleNetwork.WarmUpRequest(), TimeProvider.System);
        if (run.Failures.Count > 0)
        {
            throw new KnowledgeBaseException(run.Failures
                .DistinctBy(f => f.Rule.Code)
                .Select(f => new KnowledgeBaseProblem(f.Rule.Code, "", $"the expression does not run: {f.Error}"))
                .ToArray());
        }
    }

    /// <summary>The rule with this code, or null.</summary>
    internal RuleDefinition? RuleOf(string code) => _rulesByCode.GetValueOrDefault(code);

    /// <summary>A rule's citations with their sources' bibliographic data, resolved once at load.</summary>
    internal IReadOnlyList<Citation> CitationsOf(RuleDefinition rule) => _citations[rule.Code];

    /// <summary>Loads, checks and compiles a knowledge base from its two JSON documents.</summary>
    /// <param name="rulesJson">The rule file: a workflow of rules, each with its condition and its metadata in <c>Properties</c>.</param>
    /// <param name="sourcesJson">The source catalogue.</param>
    /// <param name="runStatuses">The statuses of the rules to run; production only when not given.</param>
    /// <returns>The knowledge base.</returns>
    /// <exception cref="KnowledgeBaseException">Anything is wrong; every problem found is named.</exception>
    public static KnowledgeBase Load(string rulesJson, string sourcesJson, IEnumerable<RuleStatus>? runStatuses = null)
    {
        ArgumentNullException.ThrowIfNull(rulesJson);
        ArgumentNullException.ThrowIfNull(sourcesJson);
        var statuses = (runStatuses ?? [RuleStatus.Production]).Distinct().Order().ToArray();
        var problems = new KnowledgeProblems();
        var sources = KnowledgeFileReader.ReadSources(sourcesJson, problems);
        var (version, requirements, rules) = KnowledgeFileReader.ReadRules(rulesJson, sources, problems);
        if (statuses.Length == 0)
        {
            problems.Add("", "at least one rule status must be chosen to run");
        }

        if (problems.Count > 0)
        {
            throw new KnowledgeBaseException(problems.List);
        }

        var identity = new KnowledgeBaseIdentity(version, Hash(("rules", rulesJson), ("sources", sourcesJson)));
        return new KnowledgeBase(identity, requirements, rules, sources, statuses.AsReadOnly(), checkRules: true);
    }

    /// <summary>
    /// Adds a clinic's own rules to this knowledge base. The clinic rule file has the format of the built-in
    /// rule file plus a <c>sources</c> list for the clinic's own source catalogue (see the README). Its rules
    /// are untrusted input: every expression must pass the allow-list check, codes must not use the
    /// library's <c>ASM-</c> prefix, and its requirement and source IDs must not reuse the built-in ones.
    /// Clinic rules only add advisories: every built-in rule keeps its code, severity, text and verdict.
    /// </summary>
    /// <param name="clinicRulesJson">The clinic rule file's text.</param>
    /// <returns>A new knowledge base with the built-in rules and the clinic's rules; this one is unchanged.</returns>
    /// <exception cref="KnowledgeBaseException">Anything is wrong with the file; every problem found is named.</exception>
    /// <exception cref="InvalidOperationException">This knowledge base already holds clinic rules.</exception>
    public KnowledgeBase WithClinicRules(string clinicRulesJson)
    {
        ArgumentNullException.ThrowIfNull(clinicRulesJson);
        if (Identity.ClinicRules is not null)
        {
            throw new InvalidOperationException(
                $"This knowledge base already holds the clinic rule file '{Identity.ClinicRules.Name}'; add clinic rules to the built-in knowledge base only once.");
        }

        var problems = new KnowledgeProblems();
        var (name, version, sources, requirements, rules) = KnowledgeFileReader.ReadClinicFile(clinicRulesJson, problems);
        foreach (var rule in rules.Where(r => r.Code.StartsWith(BuiltInCodePrefix, StringComparison.Ordinal)))
        {
            problems.Add(new KnowledgeBaseProblem(rule.Code, "", $"codes starting with '{BuiltInCodePrefix}' belong to the built-in knowledge base; give clinic rules the clinic's own prefix, e.g. CLN-001"));
        }

        foreach (var rule in rules.Where(r => Rules.Any(b => b.Code == r.Code)))
        {
            problems.Add(new KnowledgeBaseProblem(rule.Code, "", "a built-in rule already has this code"));
        }

        foreach (var requirement in requirements.Where(q => Requirements.Any(b => b.Id == q.Id)))
        {
            problems.Add("requirements", $"'{requirement.Id}' is a built-in requirement ID; give clinic requirements their own IDs");
        }

        foreach (var source in sources.Where(s => Sources.Any(b => b.Id == s.Id)))
        {
            problems.Add("sources", $"'{source.Id}' is a built-in source ID; give clinic sources their own IDs");
        }

        if (problems.Count > 0)
        {
            throw new KnowledgeBaseException(problems.List);
        }

        var identity = Identity with { ClinicRules = new ClinicRulesIdentity(name, version, Hash(("clinic", clinicRulesJson))) };
        return new KnowledgeBase(
            identity,
            Requirements.Concat(requirements).OrderBy(q => q.Id, StringComparer.Ordinal).ToArray().AsReadOnly(),
            Rules.Concat(rules).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray().AsReadOnly(),
            Sources.Concat(sources).OrderBy(s => s.Id, StringComparer.Ordinal).ToArray().AsReadOnly(),
            RunStatuses,
            checkRules: true,
            _precompiled);
    }

    /// <summary>Looks a source up by its ID.</summary>
    /// <param name="id">The source's ID.</param>
    /// <returns>The source.</returns>
    /// <exception cref="KeyNotFoundException">No such source.</exception>
    public Source GetSource(string id) =>
        Sources.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"No source '{id}' in the catalogue.");

    // The built-in files were transcribed into objects and their rules compiled when the library was built, from the
    // very files embedded in it: nothing is read, parsed or hashed here. A test holds the transcription equal to what
    // the strict reader makes of the embedded files (BuiltInKnowledgeTests), so both have passed the same checks.
    private static KnowledgeBase LoadBuiltIn() => new(
        new KnowledgeBaseIdentity(BuiltInKnowledge.Version, BuiltInKnowledge.Sha256),
        BuiltInKnowledge.Requirements(),
        BuiltInKnowledge.Rules(),
        BuiltInKnowledge.Sources(),
        [RuleStatus.Production],
        checkRules: false,
        BuiltInConditions.For);

    /// <summary>
    /// Whether NRules interprets the rules' expressions instead of compiling them: set by a process that makes one
    /// assessment and ends (the command-line tool sets it in its runtime configuration), where compiling costs more
    /// than it saves. Off by default: a service compiles once and runs compiled code ever after.
    /// </summary>
    private static bool InterpretRules =>
        AppContext.TryGetSwitch("AsMassageAdvisor.InterpretRules", out var interpret) && interpret;

    // The hash covers every document, each with its name and length, so that no split of the bytes collides.
    private static string Hash(params (string Name, string Text)[] documents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var first = true;
        foreach (var (name, text) in documents)
        {
            var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
            hash.AppendData(Encoding.ASCII.GetBytes($"{(first ? "" : "\n")}{name}:{bytes.Length}\n"));
            hash.AppendData(bytes);
            first = false;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
