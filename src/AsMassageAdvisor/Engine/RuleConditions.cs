using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Expressions;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// Turns a rule's condition text into the single pattern of an NRules rule. The text is parsed by Dynamic LINQ over
/// the facts a condition may name (<c>patient</c>, <c>plan</c>, <c>item</c> and the derived facts <c>spine</c>,
/// <c>work</c>, <c>day</c>, <c>planWork</c>) and checked against the allow-list. It is then read in terms of the one fact
/// the rule matches: a rule about the patient or the plan matches the assessment's <see cref="CaseFacts"/>, an item rule
/// the item's <see cref="ItemWork"/>, which points to them; <c>patient.Ankylosis</c> reads the effective status of
/// <c>spine</c>, <c>plan.SessionDate</c> and <c>Terms.StatusAgeInDays(patient, plan)</c> the <c>day</c> fact's. Its
/// top-level <c>&amp;&amp;</c> parts become the pattern's conditions, in the order written: the network checks them one
/// after the other (a guard written first still protects what follows) and shares a condition between the rules that
/// have it.
/// </summary>
internal static class RuleConditions
{
    public static readonly ParameterExpression Patient = Expression.Parameter(typeof(PatientStatus), "patient");
    public static readonly ParameterExpression Plan = Expression.Parameter(typeof(SessionPlan), "plan");
    public static readonly ParameterExpression Spine = Expression.Parameter(typeof(SpineStatus), "spine");
    public static readonly ParameterExpression Day = Expression.Parameter(typeof(SessionDay), "day");
    public static readonly ParameterExpression PlanWork = Expression.Parameter(typeof(PlanWork), "planWork");
    public static readonly ParameterExpression Work = Expression.Parameter(typeof(ItemWork), "work");
    private static readonly ParameterExpression Item = Expression.Parameter(typeof(PlanItem), "item");

    /// <summary>The fact a rule about the patient or the plan matches.</summary>
    public static readonly ParameterExpression Facts = Expression.Parameter(typeof(CaseFacts), "facts");

    /// <summary>The types rule expressions may name: the model, its enums, the derived facts and the vocabulary.</summary>
    public static readonly Type[] ExpressionTypes =
    [
        typeof(PatientStatus), typeof(SessionPlan), typeof(PlanItem), typeof(Terms),
        typeof(SpineStatus), typeof(ItemWork), typeof(SessionDay), typeof(PlanWork),
        typeof(Answer), typeof(DiseaseActivity), typeof(AnkylosisStatus), typeof(BodyRegion), typeof(Technique),
        typeof(Pressure), typeof(NeurologicalSymptom), typeof(NsaidResponse), typeof(Administrator), typeof(SessionGoal),
    ];

    private static readonly ParameterExpression[] PatientScope = [Patient, Plan, Spine, Day, PlanWork];
    private static readonly ParameterExpression[] ItemScope = [Patient, Plan, Spine, Day, PlanWork, Work, Item];

    private static readonly Lazy<ParsingConfig> Config = new(CreateConfig, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Parses and checks a condition; on success the body reads only the engine's facts.</summary>
    /// <returns>The body, or null with the problems added.</returns>
    public static Expression? Parse(string text, RuleScope scope, List<string> problems)
    {
        var textProblems = ExpressionAllowList.CheckText(text);
        if (textProblems.Count > 0)
        {
            problems.AddRange(textProblems);
            return null;
        }

        Expression body;
        try
        {
            body = DynamicExpressionParser.ParseLambda(Config.Value, false, scope == RuleScope.Item ? ItemScope : PatientScope, typeof(bool), text).Body;
        }
#pragma warning disable CA1031 // any parse error is reported against its rule
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problems.Add($"the expression does not compile: {ex.Message}");
            return null;
        }

        var disallowed = ExpressionAllowList.Check(body);
        if (disallowed.Count > 0)
        {
            problems.AddRange(disallowed);
            return null;
        }

        return new FactReading().Visit(body);
    }

    /// <summary>
    /// A built-in condition whose tree the C# compiler made at build time (<c>BuiltInConditions</c>), read like a parsed
    /// one. It skips Dynamic LINQ; the built-in rules pass the allow-list when the library's tests load them from the
    /// rule file, and a test holds both trees to the same assessments.
    /// </summary>
    public static Expression FromTree(LambdaExpression precompiled)
    {
        var known = new[] { Patient, Plan, Spine, Day, PlanWork, Work, Item };
        var byName = precompiled.Parameters.ToDictionary(p => p, p => known.Single(k => k.Name == p.Name));
        return new FactReading().Visit(new Renaming(byName).Visit(precompiled.Body));
    }

    /// <summary>The fact a rule of this scope matches, and its conditions in the order written.</summary>
    public static (ParameterExpression Declaration, IReadOnlyList<LambdaExpression> Conditions) Pattern(Expression body, RuleScope scope)
    {
        var declaration = scope == RuleScope.Item ? Work : Facts;
        var bound = new Binding(declaration == Work ? Expression.Property(Work, nameof(ItemWork.Facts)) : Facts).Visit(body);
        var conditions = Conjuncts(bound)
            .Where(part => part is not ConstantExpression { Value: true })
            .Select(part => Expression.Lambda(part, declaration))
            .ToArray();
        return (declaration, conditions);
    }

    /// <summary>Whether a parsed condition reads this fact.</summary>
    public static bool Reads(Expression body, ParameterExpression fact)
    {
        var finder = new ParameterFinder(fact);
        finder.Visit(body);
        return finder.Found;
    }

    private static IEnumerable<Expression> Conjuncts(Expression body) =>
        body is BinaryExpression { NodeType: ExpressionType.AndAlso } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [body];

    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig { IsCaseSensitive = true };
        // The parser may see more than the vocabulary (object's methods, Enumerable, Math), so that what a rule must not
        // use is parsed and then named by the allow-list, with the reason, instead of failing as an unknown name.
        Type[] visible = [.. ExpressionTypes, typeof(Enumerable), typeof(Math), typeof(object)];
        config.CustomTypeProvider = new DefaultDynamicLinqCustomTypeProvider(config, visible, cacheCustomTypes: true);
        return config;
    }

    // Reads the request's own facts where the rules mean the derived ones.
    private sealed class FactReading : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == Patient && node.Member.Name == nameof(PatientStatus.Ankylosis))
            {
                return Expression.Property(Spine, nameof(SpineStatus.Ankylosis));
            }

            if (node.Expression == Plan && node.Member.Name == nameof(SessionPlan.SessionDate))
            {
                return Expression.Property(Day, nameof(SessionDay.SessionDate));
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(Terms) && node.Method.Name == nameof(Terms.StatusAgeInDays)
                && node.Arguments is [var patient, var plan] && patient == Patient && plan == Plan
                ? Expression.Property(Day, nameof(SessionDay.StatusAgeInDays))
                : base.VisitMethodCall(node);
    }

    private sealed class ParameterFinder(ParameterExpression fact) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == fact;
            return node;
        }
    }

    // Reads every fact a condition names through the one fact its rule matches.
    private sealed class Binding(Expression facts) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == Item ? Expression.Property(Work, nameof(ItemWork.Item))
            : node == Patient ? Expression.Property(facts, nameof(CaseFacts.Patient))
            : node == Plan ? Expression.Property(facts, nameof(CaseFacts.Plan))
            : node == Spine ? Expression.Property(facts, nameof(CaseFacts.Spine))
            : node == Day ? Expression.Property(facts, nameof(CaseFacts.Day))
            : node == PlanWork ? Expression.Property(facts, nameof(CaseFacts.PlanWork))
            : node;
    }

    private sealed class Renaming(Dictionary<ParameterExpression, ParameterExpression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.GetValueOrDefault(node) ?? node;
    }
}
