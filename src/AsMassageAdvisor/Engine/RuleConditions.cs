using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Expressions;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// Turns a rule's condition text into the patterns of an NRules rule. The text is parsed by Dynamic LINQ over the
/// facts a condition may name (<c>patient</c>, <c>plan</c>, <c>item</c> and the derived facts <c>spine</c>,
/// <c>work</c>, <c>day</c>, <c>planWork</c>), checked against the allow-list, then read in terms of the engine's facts:
/// <c>item</c> is the item of the <c>work</c> fact, <c>patient.Ankylosis</c> the effective status of <c>spine</c>,
/// <c>plan.SessionDate</c> and <c>Terms.StatusAgeInDays(patient, plan)</c> the <c>day</c> fact's. Its top-level
/// <c>&amp;&amp;</c> parts become conditions of the patterns they read, so that the network shares them between rules;
/// from the first part that could throw on, the rest stays one condition, checked in the order written, so that a
/// guard written before a part still protects it.
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

    /// <summary>The facts a rule can match, in the order of its patterns: an item's work comes last.</summary>
    public static readonly ParameterExpression[] Declarations = [Patient, Plan, Spine, Day, PlanWork, Work];

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

    /// <summary>The patterns of a rule with this condition body, in order, each with its conditions.</summary>
    public static IReadOnlyList<PatternPlan> Patterns(Expression body, RuleScope scope)
    {
        var used = new HashSet<ParameterExpression>();
        var placed = new List<(ParameterExpression? Target, Expression Condition)>();
        var tail = new List<Expression>();
        foreach (var part in Conjuncts(body))
        {
            if (part is ConstantExpression { Value: true })
            {
                continue;
            }

            var reads = Reads(part);
            used.UnionWith(reads);
            if (tail.Count == 0 && CannotThrow(part))
            {
                placed.Add((Last(reads), part));
            }
            else
            {
                tail.Add(part);
            }
        }

        if (scope == RuleScope.Item)
        {
            used.Add(Work);
        }
        else if (used.Count == 0)
        {
            used.Add(Patient);
        }

        var patterns = Declarations.Where(used.Contains).ToArray();
        var last = patterns[^1];
        var conditions = patterns.ToDictionary(p => p, _ => new List<LambdaExpression>());
        foreach (var (target, condition) in placed)
        {
            var at = target ?? last;
            conditions[at].Add(Lambda(condition, at));
        }

        if (tail.Count > 0)
        {
            conditions[last].Add(Lambda(tail.Aggregate(Expression.AndAlso), last));
        }

        return patterns.Select(p => new PatternPlan(p, conditions[p])).ToArray();
    }

    // A condition's parameters are the facts it reads, in pattern order, and always the fact of its own pattern.
    private static LambdaExpression Lambda(Expression condition, ParameterExpression pattern)
    {
        var reads = Reads(condition);
        reads.Add(pattern);
        return Expression.Lambda(condition, Declarations.Where(reads.Contains));
    }

    private static ParameterExpression? Last(HashSet<ParameterExpression> reads) => Declarations.LastOrDefault(reads.Contains);

    private static IEnumerable<Expression> Conjuncts(Expression body) =>
        body is BinaryExpression { NodeType: ExpressionType.AndAlso } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [body];

    private static HashSet<ParameterExpression> Reads(Expression expression)
    {
        var finder = new ParameterFinder();
        finder.Visit(expression);
        return finder.Found;
    }

    // Whether a part can be checked apart from the parts written before it: it reads only properties of facts and of
    // their items, compares, negates or calls the vocabulary. Anything else (a nullable's value, a list, arithmetic)
    // could throw, and keeps its place after its guards.
    private static bool CannotThrow(Expression e) => e switch
    {
        ConstantExpression or ParameterExpression => true,
        MemberExpression m => m.Expression is { } owner && IsFactOrItem(owner.Type)
            && (owner is ParameterExpression || (owner is MemberExpression && CannotThrow(owner))),
        UnaryExpression { NodeType: ExpressionType.Not or ExpressionType.Convert } u => CannotThrow(u.Operand),
        BinaryExpression
        {
            NodeType: ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.AndAlso or ExpressionType.OrElse,
        } b => b.Method is null && CannotThrow(b.Left) && CannotThrow(b.Right),
        MethodCallExpression c => c.Method.DeclaringType == typeof(Terms) && c.Object is null && c.Arguments.All(CannotThrow),
        _ => false,
    };

    private static bool IsFactOrItem(Type type) =>
        type == typeof(PatientStatus) || type == typeof(SessionPlan) || type == typeof(PlanItem) || type == typeof(SpineStatus)
        || type == typeof(ItemWork) || type == typeof(SessionDay) || type == typeof(PlanWork);

    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig { IsCaseSensitive = true };
        // The parser may see more than the vocabulary (object's methods, Enumerable, Math), so that what a rule must not
        // use is parsed and then named by the allow-list, with the reason, instead of failing as an unknown name.
        Type[] visible = [.. ExpressionTypes, typeof(Enumerable), typeof(Math), typeof(object)];
        config.CustomTypeProvider = new DefaultDynamicLinqCustomTypeProvider(config, visible, cacheCustomTypes: true);
        return config;
    }

    /// <summary>One pattern of a rule: the fact it matches and the conditions on it.</summary>
    public sealed record PatternPlan(ParameterExpression Declaration, IReadOnlyList<LambdaExpression> Conditions);

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public HashSet<ParameterExpression> Found { get; } = [];

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (Array.IndexOf(Declarations, node) >= 0)
            {
                Found.Add(node);
            }

            return node;
        }
    }

    // Reads the request's own facts where the rules mean the derived ones.
    private sealed class FactReading : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == Item ? Expression.Property(Work, nameof(ItemWork.Item)) : node;

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
}
