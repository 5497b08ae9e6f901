using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// Checks a parsed rule expression against an allow-list before it is compiled. Dynamic LINQ, as the rules'
/// parser is configured, blocks some dangerous calls by name but lets others through (<c>GetType()</c>, reflection through it,
/// <c>ToString()</c>, static methods and constructors of the registered types, unbounded work such as
/// <c>Enumerable.Range</c>). Rule files from outside the library are untrusted, so instead of listing what
/// is forbidden, this lists what is allowed: the domain model's properties, constants, comparisons,
/// logic and arithmetic, the <see cref="Terms"/> vocabulary, and a few bounded collection queries over
/// the model's own lists. Everything else is named and rejected. The built-in rules pass the same check.
/// </summary>
internal sealed class ExpressionAllowList : ExpressionVisitor
{
    /// <summary>The longest expression text accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The most nodes a parsed expression may have.</summary>
    public const int MaxNodes = 400;

    /// <summary>How deeply lambdas (inside Any, All, Count) may nest; each level multiplies the work by a list's length.</summary>
    public const int MaxLambdaDepth = 2;

    private const string Allowed =
        "rules may use the model's properties, constants, comparisons, logic, arithmetic, the Terms vocabulary, "
        + "and Any, All, Count or Contains on the model's lists";

    private static readonly HashSet<Type> ModelTypes =
    [
        typeof(PatientStatus), typeof(SessionPlan), typeof(PlanItem), typeof(SpineStatus), typeof(ItemWork), typeof(SessionDay), typeof(PlanWork),
    ];

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(string), typeof(DateOnly),
    ];

    private static readonly HashSet<string> QueryMethods = ["Any", "All", "Count", "Contains"];

    private static readonly HashSet<ExpressionType> Operators =
    [
        ExpressionType.AndAlso, ExpressionType.OrElse, ExpressionType.Not,
        ExpressionType.Equal, ExpressionType.NotEqual,
        ExpressionType.LessThan, ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual,
        ExpressionType.Add, ExpressionType.AddChecked, ExpressionType.Subtract, ExpressionType.SubtractChecked,
        ExpressionType.Multiply, ExpressionType.MultiplyChecked, ExpressionType.Divide, ExpressionType.Modulo,
        ExpressionType.Negate, ExpressionType.NegateChecked, ExpressionType.Coalesce,
        ExpressionType.Conditional, ExpressionType.Convert, ExpressionType.ConvertChecked,
        ExpressionType.Constant, ExpressionType.Parameter, ExpressionType.MemberAccess, ExpressionType.Call, ExpressionType.Lambda,
    ];

    private readonly List<string> _problems = [];
    private int _nodes;
    private int _lambdaDepth;

    private ExpressionAllowList()
    {
    }

    /// <summary>
    /// Checks an expression's text before it is parsed: its length. (Control characters never get this far:
    /// the rule-file reader refuses them in every text field.)
    /// </summary>
    /// <param name="text">The expression as written in the rule file.</param>
    /// <returns>The problems found; empty when the text may be parsed.</returns>
    public static IReadOnlyList<string> CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        if (text.Length > MaxLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the expression is {text.Length} characters long; at most {MaxLength} are allowed"));
        }

        return problems;
    }

    /// <summary>Checks a parsed expression against the allow-list.</summary>
    /// <param name="expression">The parsed rule body.</param>
    /// <returns>Every problem found, once each, in the order met; empty when the expression is allowed.</returns>
    public static IReadOnlyList<string> Check(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var visitor = new ExpressionAllowList();
        visitor.Visit(expression);
        if (visitor._nodes > MaxNodes)
        {
            visitor.Add(string.Create(CultureInfo.InvariantCulture, $"the expression has {visitor._nodes} parts; at most {MaxNodes} are allowed"));
        }

        return visitor._problems.AsReadOnly();
    }

    /// <inheritdoc />
    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        _nodes++;
        // A rejected node is still searched, so that the root cause (say, Enumerable.Range under a Count) is named too.
        if (!Operators.Contains(node.NodeType))
        {
            Add($"'{node.NodeType}' expressions are not allowed ({Allowed})");
        }
        else if (node.NodeType != ExpressionType.Lambda && !IsAllowedType(node.Type) && !IsNullComparisonOperand(node))
        {
            Add($"a value of type '{Name(node.Type)}' is not allowed ({Allowed})");
        }

        return base.Visit(node);
    }

    /// <inheritdoc />
    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _lambdaDepth++;
        if (_lambdaDepth > MaxLambdaDepth)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"lambdas are nested more than {MaxLambdaDepth} deep"));
        }

        foreach (var parameter in node.Parameters.Where(p => !IsAllowedType(p.Type)))
        {
            Add($"a lambda parameter of type '{Name(parameter.Type)}' is not allowed");
        }

        Visit(node.Body);
        _lambdaDepth--;
        return node;
    }

    /// <inheritdoc />
    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is string { Length: > 200 } text)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"a text constant of {text.Length} characters is too long (at most 200)"));
        }

        return node;
    }

    /// <inheritdoc />
    protected override Expression VisitMember(MemberExpression node)
    {
        var member = node.Member;
        var declaring = member.DeclaringType!;
        var allowed = member is PropertyInfo property && property.GetMethod is { IsPublic: true, IsStatic: false } && (
            ModelTypes.Contains(declaring)
            || (IsNullable(declaring) && member.Name is "HasValue" or "Value")
            || (member.Name == "Count" && IsModelCollection(declaring))
            || (declaring == typeof(DateOnly) && member.Name is "DayNumber" or "Year" or "Month" or "Day"));
        if (!allowed)
        {
            Add($"the member '{Name(declaring)}.{member.Name}' is not allowed ({Allowed})");
        }

        return base.VisitMember(node);
    }

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var declaring = method.DeclaringType!;
        bool allowed;
        if (declaring == typeof(Terms))
        {
            allowed = method.IsPublic && method.IsStatic;
        }
        else if (declaring == typeof(Enumerable))
        {
            allowed = QueryMethods.Contains(method.Name) && node.Arguments.Count > 0 && IsModelCollection(node.Arguments[0].Type);
        }
        else if (declaring == typeof(Math))
        {
            allowed = method.Name is "Min" or "Max" or "Abs";
        }
        else
        {
            allowed = !method.IsStatic && IsModelCollection(declaring) && method.Name is "Contains" or "get_Item";
        }

        if (!allowed)
        {
            Add($"the method '{Name(declaring)}.{method.Name}' is not allowed ({Allowed})");
        }

        return base.VisitMethodCall(node);
    }

    // The parser compares a list with null as objects: a null constant or an allowed value boxed to object.
    // Nothing can be called on either, because no method of object is allowed.
    private static bool IsNullComparisonOperand(Expression node) =>
        node.Type == typeof(object) && node switch
        {
            ConstantExpression { Value: null } => true,
            UnaryExpression { NodeType: ExpressionType.Convert } convert => IsAllowedType(convert.Operand.Type),
            _ => false,
        };

    private static bool IsAllowedType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return ValueTypes.Contains(t)
            || ModelTypes.Contains(t)
            || (t.IsEnum && Array.IndexOf(RuleConditions.ExpressionTypes, t) >= 0)
            || IsModelCollection(t);
    }

    // A list of the model's own values: the only collections an expression may query, all bounded by the request limits.
    private static bool IsModelCollection(Type type)
    {
        if (!type.IsGenericType && !type.IsArray)
        {
            return false;
        }

        var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments() is [var single] ? single : null;
        if (element is null || !(ModelTypes.Contains(element) || (element.IsEnum && Array.IndexOf(RuleConditions.ExpressionTypes, element) >= 0)))
        {
            return false;
        }

        if (type.IsArray)
        {
            return true;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
            || definition == typeof(List<>) || definition == typeof(ICollection<>) || definition == typeof(IList<>);
    }

    private static bool IsNullable(Type type) => Nullable.GetUnderlyingType(type) is not null;

    private static string Name(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Name(inner) + "?"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;

    private void Add(string problem)
    {
        if (!_problems.Contains(problem))
        {
            _problems.Add(problem);
        }
    }
}
