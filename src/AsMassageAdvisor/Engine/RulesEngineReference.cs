using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using RulesEngine.Models;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// RulesEngine's own executor (<c>ExecuteAllRulesAsync</c>) on the knowledge base's rules, with two
/// workflows: patient rules and item rules. It is the reference the fast path is checked against, and
/// the "stock RulesEngine" contender of the benchmarks. Built and compiled at construction, then shared.
/// </summary>
internal sealed class RulesEngineReference
{
    public const string PatientWorkflow = "patient";
    public const string ItemWorkflow = "item";

    private readonly RulesEngine.RulesEngine _engine;
    private readonly int _patientCount;
    private readonly int _itemCount;

    public RulesEngineReference(IReadOnlyList<RuleDefinition> patientRules, IReadOnlyList<RuleDefinition> itemRules)
    {
        _patientCount = patientRules.Count;
        _itemCount = itemRules.Count;
        _engine = new RulesEngine.RulesEngine([ToWorkflow(PatientWorkflow, patientRules), ToWorkflow(ItemWorkflow, itemRules)], EngineSettings.Create());

        // RulesEngine compiles lazily, and that first compile is not atomic: do it now, before sharing.
        var (patient, plan) = EngineSettings.WarmUpInput();
        _ = EvaluatePatient(patient, plan);
        _ = EvaluateItem(patient, plan, plan.Items[0]);
    }

    public RuleOutcome[] EvaluatePatient(PatientStatus patient, SessionPlan plan) =>
        _patientCount == 0 ? [] : Run(PatientWorkflow, _patientCount, RuleParameter.Create("patient", patient), RuleParameter.Create("plan", plan));

    public RuleOutcome[] EvaluateItem(PatientStatus patient, SessionPlan plan, PlanItem item) =>
        _itemCount == 0 ? [] : Run(ItemWorkflow, _itemCount, RuleParameter.Create("patient", patient), RuleParameter.Create("plan", plan), RuleParameter.Create("item", item));

    private RuleOutcome[] Run(string workflow, int expected, params RuleParameter[] inputs)
    {
        // The executor completes synchronously when rules have no actions, as here.
        var results = _engine.ExecuteAllRulesAsync(workflow, inputs).AsTask().GetAwaiter().GetResult();
        if (results.Count != expected)
        {
            throw new InvalidOperationException($"The rules engine returned {results.Count} results for {expected} rules in '{workflow}'.");
        }

        // No rule sets an ErrorMessage, so a message can only come from an exception.
        return results.Select(r => !string.IsNullOrEmpty(r.ExceptionMessage)
            ? new RuleOutcome(RuleOutcomeKind.Failed, r.ExceptionMessage)
            : r.IsSuccess ? RuleOutcome.Fired : RuleOutcome.NotFired).ToArray();
    }

    private static Workflow ToWorkflow(string name, IEnumerable<RuleDefinition> rules) => new()
    {
        WorkflowName = name,
        Rules = rules.Select(r => new Rule
        {
            RuleName = r.Code,
            Expression = r.Expression,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Enabled = true,
        }).ToList(),
    };
}
