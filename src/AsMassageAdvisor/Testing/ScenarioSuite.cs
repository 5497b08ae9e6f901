using System.Collections.Concurrent;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Reading;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsMassageAdvisor.Testing;

/// <summary>
/// Scenario files on one knowledge base, their rule codes checked against it: run them all (with the coverage of the
/// rules), or one at a time (one test case per scenario). What <c>as-massage-advisor rules test</c> runs.
/// </summary>
public sealed class ScenarioSuite
{
    private readonly ConcurrentDictionary<DateOnly, Advisor> _fixedDayAdvisors = new();
    private readonly Advisor _advisor;

    /// <summary>Checks the files' rule codes against a knowledge base.</summary>
    /// <param name="knowledgeBase">The knowledge base the scenarios run on: the built-in one, or it with a clinic's rules.</param>
    /// <param name="files">The scenario files.</param>
    /// <exception cref="ScenarioFileException">A scenario names a rule the knowledge base does not have; every such code is named.</exception>
    public ScenarioSuite(KnowledgeBase knowledgeBase, IEnumerable<ScenarioFile> files)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(files);
        KnowledgeBase = knowledgeBase;
        Files = [.. files];
        _advisor = new Advisor(knowledgeBase);
        var problems = Files.SelectMany(f => f.Scenarios.SelectMany(UnknownCodes)).ToList();
        if (problems.Count > 0)
        {
            throw new ScenarioFileException(problems);
        }
    }

    /// <summary>The knowledge base the scenarios run on.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>The scenario files, in the order given.</summary>
    public IReadOnlyList<ScenarioFile> Files { get; }

    /// <summary>Every scenario of every file, in order.</summary>
    public IEnumerable<RuleScenario> Scenarios => Files.SelectMany(f => f.Scenarios);

    /// <summary>
    /// Reads scenario files and loads the knowledge base they are about: the built-in one with the clinic rule file
    /// <paramref name="clinicRulesPath"/> when it is given, else with the rule file the scenario files name (relative to
    /// their folder; files that name one must name the same), else the built-in one alone.
    /// </summary>
    /// <param name="scenarioPaths">The scenario files.</param>
    /// <param name="clinicRulesPath">A clinic rule file that takes the place of the one the files name; null for theirs.</param>
    /// <returns>The suite, ready to run.</returns>
    /// <exception cref="ScenarioFileException">A file has problems; every problem of every file is named.</exception>
    /// <exception cref="KnowledgeBaseException">The clinic rule file cannot be used.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ScenarioSuite Load(IEnumerable<string> scenarioPaths, string? clinicRulesPath = null)
    {
        var files = ReadFiles(scenarioPaths);
        var rules = RulesFile(files, clinicRulesPath);
        return new ScenarioSuite(rules is null ? KnowledgeBase.BuiltIn : KnowledgeBase.BuiltIn.WithClinicRules(File.ReadAllText(rules)), files);
    }

    /// <summary>Reads scenario files, collecting the problems of all of them before giving up.</summary>
    /// <param name="scenarioPaths">The scenario files.</param>
    /// <returns>The files, in the order given.</returns>
    /// <exception cref="ScenarioFileException">A file has problems; every problem of every file is named.</exception>
    public static IReadOnlyList<ScenarioFile> ReadFiles(IEnumerable<string> scenarioPaths)
    {
        ArgumentNullException.ThrowIfNull(scenarioPaths);
        var files = new List<ScenarioFile>();
        var problems = new List<ScenarioProblem>();
        foreach (var path in scenarioPaths)
        {
            try
            {
                files.Add(ScenarioFile.Load(path));
            }
            catch (ScenarioFileException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        return problems.Count > 0 ? throw new ScenarioFileException(problems) : files.AsReadOnly();
    }

    /// <summary>The clinic rule file to load: the one given, else the one the files name (relative to each file's folder), else none.</summary>
    /// <param name="files">The scenario files.</param>
    /// <param name="clinicRulesPath">A clinic rule file that takes the place of the one the files name; null for theirs.</param>
    /// <returns>The path of the clinic rule file, or null for the built-in knowledge base alone.</returns>
    /// <exception cref="ScenarioFileException">The files name different rule files.</exception>
    public static string? RulesFile(IReadOnlyList<ScenarioFile> files, string? clinicRulesPath)
    {
        if (clinicRulesPath is not null)
        {
            return clinicRulesPath;
        }

        var named = files.Where(f => f.RulesPath is not null)
            .Select(f => (File: f, Full: Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(f.Path)) ?? ".", f.RulesPath!))))
            .ToList();
        var first = named.FirstOrDefault();
        var others = named.Where(n => !string.Equals(n.Full, first.Full, StringComparison.Ordinal)).ToList();
        if (others.Count > 0)
        {
            throw new ScenarioFileException([.. others.Select(n => new ScenarioProblem(n.File.Path, new InputError(
                "$.rules",
                $"names the rule file '{StrictJson.Printable(n.File.RulesPath!)}', but '{first.File.Path}' names '{StrictJson.Printable(first.File.RulesPath!)}'; files run together are about one rule file (or use --rules)",
                InputErrorCodes.Contradiction)))]);
        }

        return named.Count > 0 ? first.Full : null;
    }

    /// <summary>Runs every scenario and measures which rules the scenarios fire and keep silent.</summary>
    /// <returns>Each scenario's result, and the coverage.</returns>
    public ScenarioRun Run()
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var silent = new HashSet<string>(StringComparer.Ordinal);
        var results = Scenarios.Select(s => Run(s, code => fired.Add(code), code => silent.Add(code))).ToList().AsReadOnly();
        var clinic = KnowledgeBase.Identity.ClinicRules is not null;
        var builtIn = KnowledgeBase.BuiltIn.Rules.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var rules = KnowledgeBase.ActiveRules.Select(r => r.Code).Where(code => !clinic || !builtIn.Contains(code)).ToList();
        return new ScenarioRun
        {
            Results = results,
            Coverage = new RuleCoverage
            {
                ClinicRules = clinic,
                Rules = rules.AsReadOnly(),
                NeverFired = [.. rules.Where(code => !fired.Contains(code))],
                NeverKeptSilent = [.. rules.Where(code => !silent.Contains(code))],
            },
        };
    }

    /// <summary>Runs one scenario, of these files or written in code.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>Its result: the assessment and every expectation that did not hold.</returns>
    /// <exception cref="ScenarioFileException">The scenario names a rule the knowledge base does not have.</exception>
    public ScenarioResult Run(RuleScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = UnknownCodes(scenario).ToList();
        return problems.Count > 0 ? throw new ScenarioFileException(problems) : Run(scenario, null, null);
    }

    private ScenarioResult Run(RuleScenario scenario, Action<string>? fired, Action<string>? silent)
    {
        var advisor = scenario.Today is { } today
            ? _fixedDayAdvisors.GetOrAdd(today, day => new Advisor(KnowledgeBase, NullLogger<Advisor>.Instance, new FixedDay(day)))
            : _advisor;
        var assessment = advisor.Assess(scenario.Request);
        return new ScenarioResult
        {
            Scenario = scenario,
            Assessment = assessment,
            Failures = ScenarioCheck.Failures(scenario, assessment, fired, silent).AsReadOnly(),
        };
    }

    /// <summary>The knowledge base in words: its version, and the clinic rule file it holds, if any.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <returns>The words, e.g. "the built-in knowledge base 3.0.0".</returns>
    public static string Describe(KnowledgeBase knowledgeBase) => knowledgeBase.Identity.ClinicRules is { } clinic
        ? $"knowledge base {knowledgeBase.Identity.Version} with the clinic rule file '{clinic.Name}' version {clinic.Version}"
        : $"the built-in knowledge base {knowledgeBase.Identity.Version}";

    /// <summary>An assessment in a few lines, as a failed scenario shows it: the decision, each advisory, the safer plan's decision.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The lines, joined by line feeds.</returns>
    public static string Show(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return ScenarioCheck.Show(assessment);
    }

    private IEnumerable<ScenarioProblem> UnknownCodes(RuleScenario scenario)
    {
        var codes = scenario.Fires.Select(f => (f.Rule, f.Path)).Concat(scenario.Silent.Select((code, i) => (code, i < scenario.SilentPaths.Count ? scenario.SilentPaths[i] : "$")));
        var known = KnowledgeBase.Rules.Select(r => r.Code).ToList();
        foreach (var (code, path) in codes)
        {
            if (!known.Contains(code, StringComparer.Ordinal))
            {
                var hint = StrictJson.Suggest(code, known);
                yield return new ScenarioProblem(scenario.File, new InputError(
                    path,
                    $"'{code}' is not a rule of {Describe(KnowledgeBase)}" + (hint is null ? "" : $"; did you mean '{hint}'?"),
                    InputErrorCodes.NotAllowedValue));
            }
        }
    }
}
