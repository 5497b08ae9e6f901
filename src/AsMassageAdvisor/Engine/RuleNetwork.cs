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
    private readonly Dictionary<Type, RuleDefinition[]> _readers;

    /// <param name="rules">The advisory rules to run.</param>
    /// <param name="interpret">
    /// Whether NRules' expressions are interpreted instead of compiled to IL: much cheaper to build and slower to run,
    /// the right trade for a process that makes one assessment and ends.
    /// </param>
    public RuleNetwork(IReadOnlyList<RuleDefinition> rules, bool interpret)
    {
        Rules = rules;
        _rules = rules.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var problems = new List<KnowledgeBaseProblem>();
        var definitions = new List<IRuleDefinition>(InferenceRules.Create());
        var reads = new Dictionary<Type, List<RuleDefinition>>();
        foreach (var rule in rules)
        {
            var found = new List<string>();
            if (RuleConditions.Parse(rule.Expression, rule.Scope, found) is { } body)
            {
                var patterns = RuleConditions.Patterns(body, rule.Scope);
                definitions.Add(Build(rule, patterns));
                foreach (var pattern in patterns)
                {
                    (reads.TryGetValue(pattern.Declaration.Type, out var list) ? list : reads[pattern.Declaration.Type] = []).Add(rule);
                }
            }

            problems.AddRange(found.Select(p => new KnowledgeBaseProblem(rule.Code, "", p)));
        }

        if (problems.Count > 0)
        {
            throw new KnowledgeBaseException(problems);
        }

        _readers = reads.ToDictionary(r => r.Key, r => r.Value.ToArray());
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
        var run = new EngineRun(this, request.Plan.Items.Count, explain);
        session.Events.LhsExpressionFailedEvent += run.OnConditionFailed;
        if (explain)
        {
            session.Events.RuleFiredEvent += run.OnRuleFired;
        }

        session.Insert(request.Patient);
        session.Insert(request.Plan);
        session.Insert(new SessionClock(time));
        for (var i = 0; i < request.Plan.Items.Count; i++)
        {
            session.Insert(new IndexedItem(i, request.Plan.Items[i]));
        }

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

    /// <summary>An advisory rule by code, or null for the library's own rules.</summary>
    public RuleDefinition? RuleOf(string name) => _rules.GetValueOrDefault(name);

    /// <summary>The advisory rules with a pattern on a derived fact of this type: what a failed inference rule leaves unknown.</summary>
    public IReadOnlyList<RuleDefinition> ReadersOf(Type fact) => _readers.GetValueOrDefault(fact) ?? [];

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

    private static IRuleDefinition Build(RuleDefinition rule, IReadOnlyList<RuleConditions.PatternPlan> patterns)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Code);
        builder.Description(rule.Title);
        var lhs = builder.LeftHandSide();
        foreach (var pattern in patterns)
        {
            var p = lhs.Pattern(pattern.Declaration.Type, pattern.Declaration.Name);
            foreach (var condition in pattern.Conditions)
            {
                p.Condition(condition);
            }
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
            rhs.Action(Expression.Lambda(Expression.Call(FoundOnPatient, context, constant), context));
        }

        return builder.Build();
    }

    private static readonly System.Reflection.MethodInfo FoundOnItem = typeof(RuleNetwork).GetMethod(nameof(OnItem), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static readonly System.Reflection.MethodInfo FoundOnPatient = typeof(RuleNetwork).GetMethod(nameof(OnPatient), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static void OnItem(IContext context, RuleDefinition rule, ItemWork work) => context.Insert(new Finding(rule, work.Index));

    private static void OnPatient(IContext context, RuleDefinition rule) => context.Insert(new Finding(rule, -1));

    /// <summary>NRules' expressions run by .NET's expression interpreter: no IL is generated.</summary>
    private sealed class InterpretingCompiler : IExpressionCompiler
    {
        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
    }
}
