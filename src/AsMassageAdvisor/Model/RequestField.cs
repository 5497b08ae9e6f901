using System.Globalization;
using System.Reflection;

namespace AsMassageAdvisor.Model;

/// <summary>One fact of the request: the model property, its JSON name and what the model says of it.</summary>
/// <param name="Property">The model property.</param>
/// <param name="JsonName">Its JSON name.</param>
/// <param name="About">What the model says of it.</param>
internal sealed record RequestField(PropertyInfo Property, string JsonName, RequestFieldAttribute About)
{
    /// <summary>
    /// Whether the fact can be unknown: an enum whose default is <c>Unknown</c>, a value that may be absent (null), or a
    /// list that may be absent (null: not asked).
    /// </summary>
    public bool CanBeUnknown { get; } = About.Question is not null;

    /// <summary>Whether an absent value reads as "now" (<see cref="RequestFieldAttribute.AbsentMeansNow"/>).</summary>
    public bool AbsentMeansNow => About.AbsentMeansNow;

    /// <summary>The fact's value on a model object.</summary>
    public object? ValueOf(object model) => Property.GetValue(model);

    /// <summary>Whether the fact's value on a model object is unknown: null, or an enum's <c>Unknown</c> (its default).</summary>
    public bool IsUnknownOn(object model) => CanBeUnknown && ValueOf(model) switch
    {
        null => true,
        Enum value => Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0 && value.ToString() == "Unknown",
        _ => false,
    };
}
