using System.Reflection;
using System.Text.Json;

namespace AsMassageAdvisor.Model;

/// <summary>
/// The request's facts as the model declares them (<see cref="RequestFieldAttribute"/>): one list for the patient's status and
/// one for the plan, each in the facts' order, made once by reading the model's properties. The generic form reads any
/// model type, so that a field added to the model is read, named, asked about and put in words with no other edit.
/// </summary>
internal static class RequestFields
{
    /// <summary>The patient's facts, in order.</summary>
    public static IReadOnlyList<RequestField> Patient => Of<PatientStatus>.Facts;

    /// <summary>The plan's facts, in order.</summary>
    public static IReadOnlyList<RequestField> Plan => Of<SessionPlan>.Facts;

    /// <summary>The facts of a model type, in order.</summary>
    /// <typeparam name="TModel">A model type whose properties carry <see cref="RequestFieldAttribute"/>.</typeparam>
    public static IReadOnlyList<RequestField> For<TModel>() => Of<TModel>.Facts;

    /// <summary>The fact with a JSON name among the patient's, the plan's and an item's, or null.</summary>
    public static RequestField? Named(string jsonName)
    {
        foreach (var facts in (IReadOnlyList<RequestField>[])[Patient, Plan, Of<PlanItem>.Facts])
        {
            foreach (var fact in facts)
            {
                if (fact.JsonName == jsonName)
                {
                    return fact;
                }
            }
        }

        return null;
    }

    /// <summary>The JSON name of a model property: the contract's naming policy, camelCase.</summary>
    public static string JsonName(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    private static class Of<TModel>
    {
        public static readonly RequestField[] Facts = typeof(TModel)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, About: p.GetCustomAttribute<RequestFieldAttribute>()))
            .Where(p => p.About is not null)
            .OrderBy(p => p.About!.Order)
            .Select(p => new RequestField(p.Property, JsonName(p.Property.Name), p.About!))
            .ToArray();
    }
}
