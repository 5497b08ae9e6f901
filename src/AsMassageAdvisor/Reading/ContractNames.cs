using System.Reflection;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Reading;

/// <summary>
/// The request's field names, made once from the model with the contract's naming policy
/// (<see cref="JsonNames.Policy"/>), so that the reader, the unknown facts and the trigger names cannot drift from
/// the model or from each other. Use <c>Of(nameof(...))</c>: a renamed property then renames its field everywhere.
/// </summary>
internal static class ContractNames
{
    /// <summary>The JSON name of a model property.</summary>
    public static string Of(string propertyName) => JsonNames.Camel(propertyName);

    /// <summary><c>patient</c>.</summary>
    public static readonly string Patient = Of(nameof(AssessmentRequest.Patient));

    /// <summary><c>plan</c>.</summary>
    public static readonly string Plan = Of(nameof(AssessmentRequest.Plan));

    /// <summary><c>items</c>.</summary>
    public static readonly string Items = Of(nameof(SessionPlan.Items));

    /// <summary>The JSON path of a patient field, e.g. <c>$.patient.painScore</c>.</summary>
    public static string PatientPath(string propertyName) => $"$.{Patient}.{Of(propertyName)}";

    /// <summary>The JSON path of a plan field, e.g. <c>$.plan.sessionDate</c>.</summary>
    public static string PlanPath(string propertyName) => $"$.{Plan}.{Of(propertyName)}";

    /// <summary>The JSON names of a model type's public properties, in declaration order.</summary>
    public static IReadOnlyList<string> FieldsOf<T>() => Fields<T>.Names;

    private static class Fields<T>
    {
        public static readonly IReadOnlyList<string> Names = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => Of(p.Name))
            .ToArray();
    }
}
