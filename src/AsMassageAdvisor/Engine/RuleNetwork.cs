using System.Linq.Expressions;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules;
using NRules.Extensibility;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// The one seam to NRules. Every active rule of a knowledge base, with the library's inference and withholding rules,
/// is built with NRules' <see cref="RuleBuilder"/> and compiled once into an <see cref="ISessionFactory"/>, which is
/// shared by all threads; every assessment runs in a session of its own (<see cref="Run"/>). Conditions come from the
/// rule file as text (<see cref="RuleConditions"/>); actions never do: each advisory rule's action, built here, inserts a
/// <see cref="Finding"/>.
/// </summary>
internal sealed class RuleNetwork
{
    private readonly ISessionFactory _factory;
    private readonly Dictionary<string, RuleDefinition> _rules;
    private readonly Dictionary<string, (bool Spine, bool Day)> _derivedReads = new(StringComparer.Ordinal);

    /// <param name="rules">The advisory rules to run.</param>
    /// <param name="interpret">
    /// Whether NRules' expressions are interpreted instead of compiled to IL: much cheaper to build and slower to run,
    /// the right trade for a process that makes one assessment and ends.
    /// </param>
    /// <param name="precompiled">
    /// The conditions compiled to expression trees at build time, by rule code and condition text, or null: a rule
    /// whose condition is found there is not parsed.
    /// </param>
    public RuleNetwork(IReadOnlyList<RuleDefinition> rules, bool interpret, Func<string, string, LambdaExpression?>? precompiled = null)
    {
        Rules = rules;
        _rules = rules.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var problems = new List<KnowledgeBaseProblem>();
        var definitions = new List<IRuleDefinition>(InferenceRules.Create());
        foreach (var rule in rules)
        {
            var found = new List<string>();
            var body = precompiled?.Invoke(rule.Code, rule.Expression) is { } tree
                ? RuleConditions.FromTree(tree)
                : RuleConditions.Parse(rule.Expression, rule.Scope, found);
            if (body is not null)
            {
                definitions.Add(Build(rule, RuleConditions.Pattern(body, rule.Scope)));
                _derivedReads[rule.Code] = (RuleConditions.Reads(body, RuleConditions.Spine), RuleConditions.Reads(body, RuleConditions.Day));
            }

            problems.AddRange(found.Select(p => new KnowledgeBaseProblem(rule.Code, "", p)));
        }

        if (problems.Count > 0)
        {
            throw new KnowledgeBaseException(problems);
        }

        var compiler = new RuleCompiler();
        if (interpret)
        {
            compiler.ExpressionCompiler = new InterpretingCompiler();
        }

        try
        {
            _factory = compiler.Compile(definitions);
        }
        catch (RuleCompilationException ex)
        {
            throw new KnowledgeBaseException([new KnowledgeBaseProblem(ex.RuleName, "", $"the rule cannot be compiled: {ex.InnerException?.Message ?? ex.Message}")]);
        }
    }

    /// <summary>The advisory rules, as given.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Runs the rules on a request in a new session.</summary>
    /// <param name="request">A valid request.</param>
    /// <param name="time">The clock that says what day it is when the plan gives none.</param>
    /// <param name="explain">Whether to record what each rule matched, for an explanation.</param>
    public EngineRun Run(AssessmentRequest request, TimeProvider time, bool explain = false)
    {
        var session = _factory.CreateSession();
        var run = new EngineRun(this, request.Plan.Items.Count);
        session.Events.LhsExpressionFailedEvent += run.OnConditionFailed;
        if (explain)
        {
            session.Events.RuleFiredEvent += run.OnRuleFired;
        }

        // One batch: the network propagates it in one pass.
        var facts = new object[3 + request.Plan.Items.Count];
        facts[0] = request.Patient;
        facts[1] = request.Plan;
        facts[2] = new SessionClock(time);
        for (var i = 0; i < request.Plan.Items.Count; i++)
        {
            facts[3 + i] = new IndexedItem(i, request.Plan.Items[i]);
        }

        session.InsertAll(facts);
        session.Fire();

        // A condition that failed made no finding; its rule's indeterminate findings go in now, and the withholding
        // rule runs again over them (a failure is more severe advice, never less).
        while (run.TakeFailureFindings() is { Count: > 0 } failed)
        {
            session.InsertAll(failed);
            session.Fire();
        }

        run.Collect(session);
        return run;
    }

    /// <summary>Which derived facts with a reason in words an advisory rule's condition reads, for explanations.</summary>
    public (bool Spine, bool Day) DerivedFactsReadBy(RuleDefinition rule) => _derivedReads.GetValueOrDefault(rule.Code);

    /// <summary>An advisory rule by code, or null for the library's own rules.</summary>
    public RuleDefinition? RuleOf(string name) => _rules.GetValueOrDefault(name);

    /// <summary>An ordinary request on which every parsed rule must run without failing.</summary>
    public static AssessmentRequest WarmUpRequest()
    {
        var patient = new PatientStatus
        {
            DiseaseActivity = DiseaseActivity.Flare,
            Ankylosis = AnkylosisStatus.Present,
            AnkylosedRegions = [BodyRegion.Cervical],
            NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges],
            PainfulTechniques = [Technique.DeepTissue],
            PainScore = 5,
            StatusConfirmedOn = new DateOnly(2026, 1, 1),
        };
        var plan = new SessionPlan
        {
            Goals = [SessionGoal.Relaxation],
            SessionDate = new DateOnly(2026, 1, 2),
            Items = [new PlanItem(Technique.Effleurage, BodyRegion.Cervical, Pressure.Light)],
        };
        return new AssessmentRequest(patient, plan);
    }

    private static IRuleDefinition Build(RuleDefinition rule, (ParameterExpression Declaration, IReadOnlyList<LambdaExpression> Conditions) pattern)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Code);
        builder.Description(rule.Title);
        var p = builder.LeftHandSide().Pattern(pattern.Declaration.Type, pattern.Declaration.Name);
        foreach (var condition in pattern.Conditions)
        {
            p.Condition(condition);
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        var rhs = builder.RightHandSide();
        var constant = Expression.Constant(rule);
        if (rule.Scope == RuleScope.Item)
        {
            var work = RuleConditions.Work;
            rhs.Action(Expression.Lambda(Expression.Call(FoundOnItem, context, constant, work), context, work));
        }
        else
        {
            var facts = RuleConditions.Facts;
            rhs.Action(Expression.Lambda(Expression.Call(FoundOnPatient, context, constant, facts), context, facts));
        }

        return builder.Build();
    }

    private static readonly System.Reflection.MethodInfo FoundOnItem = typeof(RuleNetwork).GetMethod(nameof(OnItem), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static readonly System.Reflection.MethodInfo FoundOnPatient = typeof(RuleNetwork).GetMethod(nameof(OnPatient), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static void OnItem(IContext context, RuleDefinition rule, ItemWork work) => context.Insert(new Finding(rule, work.Index));

    private static void OnPatient(IContext context, RuleDefinition rule, CaseFacts facts) => context.Insert(new Finding(rule, -1));

    /// <summary>NRules' expressions run by .NET's expression interpreter: no IL is generated.</summary>
    private sealed class InterpretingCompiler : IExpressionCompiler
    {
        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
    }
}
