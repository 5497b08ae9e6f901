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
/// RulesEngine's own executor stays available as <see cref="Reference"/>, and a differential test holds the
/// two to the same answers. Immutable after construction and safe to share between threads.
/// </summary>
internal sealed class RuleEvaluator
{
    private readonly Func<PatientStatus, SessionPlan, bool>[] _patientChecks;
    private readonly Func<PatientStatus, SessionPlan, PlanItem, bool>[] _itemChecks;
    private readonly Lazy<RulesEngineReference> _reference;

    public RuleEvaluator(IReadOnlyList<RuleDefinition> rules)
    {
        PatientRules = rules.Where(r => r.Scope == RuleScope.Patient).ToArray();
        ItemRules = rules.Where(r => r.Scope == RuleScope.Item).ToArray();

        var problems = new List<KnowledgeBaseProblem>();
        var parser = new RuleExpressionParser(EngineSettings.Create());
        var patient = Expression.Parameter(typeof(PatientStatus), "patient");
        var plan = Expression.Parameter(typeof(SessionPlan), "plan");
        var item = Expression.Parameter(typeof(PlanItem), "item");
        _patientChecks = PatientRules.Select(r => Compile<Func<PatientStatus, SessionPlan, bool>>(parser, r, problems, patient, plan)).ToArray();
        _itemChecks = ItemRules.Select(r => Compile<Func<PatientStatus, SessionPlan, PlanItem, bool>>(parser, r, problems, patient, plan, item)).ToArray();
        if (problems.Count > 0)
        {
            throw new KnowledgeBaseException(problems);
        }

        WarmUp();
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

    // Runs every rule once on an ordinary input, so that a rule that cannot run is rejected at load.
    private void WarmUp()
    {
        var (patient, plan) = EngineSettings.WarmUpInput();
        var failures = new List<KnowledgeBaseProblem>();
        for (var r = 0; r < PatientRules.Count; r++)
        {
            if (EvaluatePatient(r, patient, plan) is { Kind: RuleOutcomeKind.Failed } outcome)
            {
                failures.Add(new KnowledgeBaseProblem(PatientRules[r].Code, "", $"the expression does not run: {outcome.Failure}"));
            }
        }

        for (var r = 0; r < ItemRules.Count; r++)
        {
            if (EvaluateItem(r, patient, plan, plan.Items[0]) is { Kind: RuleOutcomeKind.Failed } outcome)
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
