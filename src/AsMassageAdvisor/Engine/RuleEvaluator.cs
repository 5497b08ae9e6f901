using System.Linq.Expressions;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// The one seam to Microsoft RulesEngine. Every rule expression is parsed by RulesEngine's own
/// <see cref="RuleExpressionParser"/> (Dynamic LINQ, with the settings of <see cref="EngineSettings"/>) into a
/// typed delegate, compiled and run once on a warm-up input at construction; evaluation then calls the
/// delegates directly, which is several times cheaper than <c>ExecuteAllRulesAsync</c> and allocates nothing.
/// Built-in rules from the rule file the library was built with come already compiled (<see cref="CompiledRule"/>,
/// generated at build time): they are neither parsed nor compiled at run time, which is most of a fresh process's
/// start-up cost; every other rule goes through RulesEngine's parser and the allow-list.
/// RulesEngine's own executor stays available as <see cref="Reference"/>, and a differential test holds the
/// two to the same answers. Immutable after construction and safe to share between threads.
/// </summary>
internal sealed class RuleEvaluator
{
    private readonly Func<PatientStatus, SessionPlan, bool>[] _patientChecks;
    private readonly Func<PatientStatus, SessionPlan, PlanItem, bool>[] _itemChecks;
    private readonly Lazy<RulesEngineReference> _reference;

    public RuleEvaluator(IReadOnlyList<RuleDefinition> rules)
        : this(rules, compiled: null)
    {
    }

    /// <param name="rules">The rules to run.</param>
    /// <param name="compiled">
    /// Build-time compiled rules by code, or null; used for a rule only when its code and expression text match, and
    /// only for rules that come from the very rule file the code was generated from (the caller checks the hash).
    /// </param>
    public RuleEvaluator(IReadOnlyList<RuleDefinition> rules, IReadOnlyDictionary<string, CompiledRule>? compiled)
    {
        PatientRules = rules.Where(r => r.Scope == RuleScope.Patient).ToArray();
        ItemRules = rules.Where(r => r.Scope == RuleScope.Item).ToArray();

        _patientChecks = new Func<PatientStatus, SessionPlan, bool>[PatientRules.Count];
        _itemChecks = new Func<PatientStatus, SessionPlan, PlanItem, bool>[ItemRules.Count];
        var parsedPatient = new bool[PatientRules.Count];
        var parsedItem = new bool[ItemRules.Count];
        for (var r = 0; r < PatientRules.Count; r++)
        {
            if (Precompiled(compiled, PatientRules[r])?.PatientCheck is { } check)
            {
                _patientChecks[r] = check;
            }
            else
            {
                parsedPatient[r] = true;
            }
        }

        for (var r = 0; r < ItemRules.Count; r++)
        {
            if (Precompiled(compiled, ItemRules[r])?.ItemCheck is { } check)
            {
                _itemChecks[r] = check;
            }
            else
            {
                parsedItem[r] = true;
            }
        }

        // Only what was not compiled at build time meets the parser; the parser itself is built only if needed,
        // since creating it and its type provider is a large part of a cold start.
        if (parsedPatient.Contains(true) || parsedItem.Contains(true))
        {
            var problems = new List<KnowledgeBaseProblem>();
            var parser = new RuleExpressionParser(EngineSettings.Create());
            var patient = Expression.Parameter(typeof(PatientStatus), "patient");
            var plan = Expression.Parameter(typeof(SessionPlan), "plan");
            var item = Expression.Parameter(typeof(PlanItem), "item");
            for (var r = 0; r < PatientRules.Count; r++)
            {
                if (parsedPatient[r])
                {
                    _patientChecks[r] = Compile<Func<PatientStatus, SessionPlan, bool>>(parser, PatientRules[r], problems, patient, plan);
                }
            }

            for (var r = 0; r < ItemRules.Count; r++)
            {
                if (parsedItem[r])
                {
                    _itemChecks[r] = Compile<Func<PatientStatus, SessionPlan, PlanItem, bool>>(parser, ItemRules[r], problems, patient, plan, item);
                }
            }

            if (problems.Count > 0)
            {
                throw new KnowledgeBaseException(problems);
            }

            WarmUp(parsedPatient, parsedItem);
        }

        _reference = new Lazy<RulesEngineReference>(() => new RulesEngineReference(PatientRules, ItemRules), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<RuleDefinition> PatientRules { get; }

    public IReadOnlyList<RuleDefinition> ItemRules { get; }

    /// <summary>RulesEngine's own executor on the same rules, built on first use: the reference for differential tests and benchmarks.</summary>
    public RulesEngineReference Reference => _reference.Value;

    public RuleOutcome EvaluatePatient(int rule, PatientStatus patient, SessionPlan plan)
    {
        try
        {
            return _patientChecks[rule](patient, plan) ? RuleOutcome.Fired : RuleOutcome.NotFired;
        }
#pragma warning disable CA1031 // a rule that throws must become an indeterminate outcome, whatever it throws
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RuleOutcome.FromException(ex);
        }
    }

    public RuleOutcome EvaluateItem(int rule, PatientStatus patient, SessionPlan plan, PlanItem item)
    {
        try
        {
            return _itemChecks[rule](patient, plan, item) ? RuleOutcome.Fired : RuleOutcome.NotFired;
        }
#pragma warning disable CA1031 // as above
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RuleOutcome.FromException(ex);
        }
    }

    private static TDelegate Compile<TDelegate>(RuleExpressionParser parser, RuleDefinition rule, List<KnowledgeBaseProblem> problems, params ParameterExpression[] parameters)
        where TDelegate : Delegate
    {
        // Rule files may come from outside the library: the text and the parsed tree are checked
        // against an allow-list before anything is compiled or run.
        var textProblems = ExpressionAllowList.CheckText(rule.Expression);
        if (textProblems.Count > 0)
        {
            problems.AddRange(textProblems.Select(p => new KnowledgeBaseProblem(rule.Code, "", p)));
            return null!;
        }

        try
        {
            var body = parser.Parse(rule.Expression, parameters, typeof(bool));
            var disallowed = ExpressionAllowList.Check(body);
            if (disallowed.Count > 0)
            {
                problems.AddRange(disallowed.Select(p => new KnowledgeBaseProblem(rule.Code, "", p)));
                return null!;
            }

            return Expression.Lambda<TDelegate>(body, parameters).Compile();
        }
#pragma warning disable CA1031 // any parse error is reported against its rule
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problems.Add(new KnowledgeBaseProblem(rule.Code, "", $"the expression does not compile: {ex.Message}"));
            return null!;
        }
    }

    /// <summary>Whether every rule comes compiled, so that building an evaluator for them cannot fail and costs next to nothing.</summary>
    public static bool AllPrecompiled(IEnumerable<RuleDefinition> rules, IReadOnlyDictionary<string, CompiledRule>? compiled) =>
        rules.All(r => Precompiled(compiled, r) is { } c && (r.Scope == RuleScope.Patient ? c.PatientCheck : (Delegate?)c.ItemCheck) is not null);

    private static CompiledRule? Precompiled(IReadOnlyDictionary<string, CompiledRule>? compiled, RuleDefinition rule) =>
        compiled is not null && compiled.TryGetValue(rule.Code, out var c) && string.Equals(c.Expression, rule.Expression, StringComparison.Ordinal)
            ? c
            : null;

    // Runs every parsed rule once on an ordinary input, so that a rule that cannot run is rejected at load. The rules
    // compiled at build time need no such check: the build compiled them and the tests ran them.
    private void WarmUp(bool[] patientRules, bool[] itemRules)
    {
        var (patient, plan) = EngineSettings.WarmUpInput();
        var failures = new List<KnowledgeBaseProblem>();
        for (var r = 0; r < PatientRules.Count; r++)
        {
            if (patientRules[r] && EvaluatePatient(r, patient, plan) is { Kind: RuleOutcomeKind.Failed } outcome)
            {
                failures.Add(new KnowledgeBaseProblem(PatientRules[r].Code, "", $"the expression does not run: {outcome.Failure}"));
            }
        }

        for (var r = 0; r < ItemRules.Count; r++)
        {
            if (itemRules[r] && EvaluateItem(r, patient, plan, plan.Items[0]) is { Kind: RuleOutcomeKind.Failed } outcome)
            {
                failures.Add(new KnowledgeBaseProblem(ItemRules[r].Code, "", $"the expression does not run: {outcome.Failure}"));
            }
        }

        if (failures.Count > 0)
        {
            throw new KnowledgeBaseException(failures);
        }
    }
}
