using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using RulesEngine.Models;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// The one seam to Microsoft RulesEngine. It builds one engine per knowledge base, with two workflows
/// (patient rules and item rules), compiles and runs every rule once at construction, and is then
/// shared by threads. Settings follow the engine notes: no FastExpressionCompiler (it gave wrong
/// answers), no automatic input-type registration (an explicit type list instead), exceptions kept
/// as messages so that a failing rule can be told apart from a rule that did not fire.
/// </summary>
internal sealed class RuleEvaluator
{
    public const string PatientWorkflow = "patient";
    public const string ItemWorkflow = "item";

    /// <summary>The types rule expressions may name: the model, its enums and the vocabulary.</summary>
    internal static readonly Type[] ExpressionTypes =
    [
        typeof(PatientStatus), typeof(SessionPlan), typeof(PlanItem), typeof(Terms),
        typeof(Answer), typeof(DiseaseActivity), typeof(AnkylosisStatus), typeof(BodyRegion), typeof(Technique),
        typeof(Pressure), typeof(NeurologicalSymptom), typeof(NsaidResponse), typeof(Administrator), typeof(SessionGoal),
    ];

    private readonly RulesEngine.RulesEngine _engine;
    private readonly HashSet<string> _codes;

    public RuleEvaluator(IReadOnlyList<RuleDefinition> rules)
    {
        _codes = rules.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        PatientRules = rules.Where(r => r.Scope == RuleScope.Patient).ToArray();
        ItemRules = rules.Where(r => r.Scope == RuleScope.Item).ToArray();
        var settings = new ReSettings
        {
            UseFastExpressionCompiler = false,
            AutoRegisterInputType = false,
            CustomTypes = ExpressionTypes,
            IgnoreException = false,
            EnableExceptionAsErrorMessage = true,
            EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
            EnableFormattedErrorMessage = false,
            EnableScopedParams = false,
            EnableParallelRuleCompilation = false,
            AutoExecuteActions = false,
            IsExpressionCaseSensitive = true,
        };
        var workflows = new List<Workflow>();
        if (PatientRules.Count > 0)
        {
            workflows.Add(ToWorkflow(PatientWorkflow, PatientRules));
        }

        if (ItemRules.Count > 0)
        {
            workflows.Add(ToWorkflow(ItemWorkflow, ItemRules));
        }

        _engine = new RulesEngine.RulesEngine([.. workflows], settings);
        WarmUp();
    }

    public IReadOnlyList<RuleDefinition> PatientRules { get; }

    public IReadOnlyList<RuleDefinition> ItemRules { get; }

    public IReadOnlyList<RuleOutcome> EvaluatePatient(PatientStatus patient, SessionPlan plan) =>
        PatientRules.Count == 0
            ? []
            : Run(PatientWorkflow, PatientRules.Count, RuleParameter.Create("patient", patient), RuleParameter.Create("plan", plan));

    public IReadOnlyList<RuleOutcome> EvaluateItem(PatientStatus patient, SessionPlan plan, PlanItem item) =>
        ItemRules.Count == 0
            ? []
            : Run(ItemWorkflow, ItemRules.Count, RuleParameter.Create("patient", patient), RuleParameter.Create("plan", plan), RuleParameter.Create("item", item));

    private RuleOutcome[] Run(string workflow, int expected, params RuleParameter[] inputs)
    {
        // RulesEngine's executor completes synchronously when rules have no actions, as here.
        var results = _engine.ExecuteAllRulesAsync(workflow, inputs).AsTask().GetAwaiter().GetResult();
        if (results.Count != expected)
        {
            throw new InvalidOperationException($"The rules engine returned {results.Count} results for {expected} rules in '{workflow}'.");
        }

        var outcomes = new RuleOutcome[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            outcomes[i] = ToOutcome(results[i]);
        }

        return outcomes;
    }

    private RuleOutcome ToOutcome(RuleResultTree result)
    {
        var code = result.Rule.RuleName;
        if (!_codes.Contains(code))
        {
            throw new InvalidOperationException($"The rules engine returned a result for an unknown rule '{code}'.");
        }

        // No rule sets an ErrorMessage, so a message here can only come from an exception.
        if (!string.IsNullOrEmpty(result.ExceptionMessage))
        {
            return new RuleOutcome(code, RuleOutcomeKind.Failed, result.ExceptionMessage);
        }

        return new RuleOutcome(code, result.IsSuccess ? RuleOutcomeKind.Fired : RuleOutcomeKind.NotFired, null);
    }

    // Compiles every rule now (RulesEngine compiles lazily on first use, and that first compile is not
    // atomic), and rejects any rule that does not parse or that throws on an ordinary input.
    private void WarmUp()
    {
        var patient = new PatientStatus
        {
            DiseaseActivity = DiseaseActivity.Flare,
            Ankylosis = AnkylosisStatus.Present,
            AnkylosedRegions = [BodyRegion.Cervical],
            NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges],
            PainfulTechniques = [Technique.DeepTissue],
            PainScore = 5,
        };
        var item = new PlanItem(Technique.Effleurage, BodyRegion.Cervical, Pressure.Light);
        var plan = new SessionPlan { Goals = [SessionGoal.Relaxation], Items = [item] };
        var failures = EvaluatePatient(patient, plan).Concat(EvaluateItem(patient, plan, item))
            .Where(o => o.Kind == RuleOutcomeKind.Failed)
            .Select(o => $"{o.Code}: the expression does not compile or run: {o.Failure}")
            .ToList();
        if (failures.Count > 0)
        {
            throw new KnowledgeBaseException(failures);
        }
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
