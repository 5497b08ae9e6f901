using System.Globalization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using static AsMassageAdvisor.Reading.ContractNames;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// The trigger vocabulary: the fact names a rule may list, and how each is put in words for the
/// clinician. In the assessment's JSON, values are shown with their JSON names and items by their index, so a trigger
/// can be matched to the request; for people (<c>plain</c>) the same facts are put in the plain words of <see cref="Words"/> and items
/// are counted from 1.
/// </summary>
internal static class TriggerVocabulary
{
    public const string Item = "item";

    /// <summary>The trigger that stands for how long before the session the status was confirmed.</summary>
    public const string StatusAge = "statusAge";

    // Each patient or plan fact that a rule may name, in the model's order, with its words: "{trigger}: {value}" from the
    // model (RequestFieldAttribute) unless the fact is put in words of its own below. Among an advisory's triggers a fact that
    // cannot have made the rule fire is left out (null); an explanation asks for every value (the bool).
    private static readonly (string Name, Func<PatientStatus, SessionPlan, bool, bool, string?> Words)[] Facts =
    [
        .. RequestFields.Patient.Where(f => f.About.Trigger is not null).Select(f => (f.JsonName, OwnWords(f) ?? ((p, _, _, plain) => WordsOf(f, p, plain)))),
        .. RequestFields.Plan.Where(f => f.About.Trigger is not null).Select(f => (f.JsonName, OwnWords(f) ?? ((_, s, _, plain) => WordsOf(f, s, plain)))),
        (StatusAge, (p, s, _, plain) => Terms.StatusAgeInDays(p, s) is { } days
            ? $"status confirmed {days.ToString(CultureInfo.InvariantCulture)} day{(days == 1 ? "" : "s")} before the session"
            : "status confirmed on: " + (p.StatusConfirmedOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")
                + ", session date: " + (s.SessionDate is { } on ? on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")),
    ];

    // The facts whose words say more than "{trigger}: {value}".
    private static Func<PatientStatus, SessionPlan, bool, bool, string?>? OwnWords(RequestField fact) => fact.Property.Name switch
    {
        nameof(PatientStatus.Ankylosis) => (p, _, _, plain) => $"{fact.About.Trigger}: " + V(plain, p.Ankylosis)
            + (p.AnkylosedRegions.Count > 0 ? $" (fused: {List(p.AnkylosedRegions, plain)})" : ""),

        // Only a "yes" can make a rule fire; "no" or "unknown" would be noise among the triggers.
        nameof(PatientStatus.RestrictedSpinalMotion) => (p, _, every, plain) => every || p.RestrictedSpinalMotion == Answer.Yes
            ? $"{fact.About.Trigger}: " + V(plain, p.RestrictedSpinalMotion)
            : null,
        nameof(PatientStatus.PainScore) => (p, _, _, _) => $"{fact.About.Trigger}: "
            + (p.PainScore is { } score ? score.ToString(CultureInfo.InvariantCulture) + " of 10" : "not recorded (unknown)"),
        nameof(SessionPlan.Items) => (_, s, _, _) => s.Items.Count == 1
            ? $"{fact.About.Trigger}: 1 item"
            : $"{fact.About.Trigger}: {s.Items.Count.ToString(CultureInfo.InvariantCulture)} items",
        _ => null,
    };

    // "{trigger}: {value}": a value, or a list of them ("none listed" when empty, "not asked (unknown)" when absent).
    internal static string WordsOf(RequestField fact, object model, bool plain) => $"{fact.About.Trigger}: " + fact.ValueOf(model) switch
    {
        null => typeof(System.Collections.IEnumerable).IsAssignableFrom(fact.Property.PropertyType) ? "not asked (unknown)" : "not recorded (unknown)",
        Enum value => Value(value, plain),
        System.Collections.IEnumerable list => list.Cast<Enum>().ToList() is { Count: > 0 } values
            ? string.Join(", ", values.Select(v => Value(v, plain)))
            : "none listed",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static string Value(Enum value, bool plain) => plain ? Words.OfValue(value) : RequestFields.JsonName(value.ToString());

    /// <summary>Every trigger name a rule may list.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Facts.Select(f => f.Name), Item];

    /// <summary>
    /// The words for a patient or plan fact. Among an advisory's triggers a fact that cannot have made the
    /// rule fire is left out (null; see restrictedSpinalMotion); an explanation asks for every value.
    /// </summary>
    public static string? Describe(string name, AssessmentRequest request, bool everyValue = false, bool plain = false) =>
        Describe(IndexOf(name), request, everyValue, plain);

    /// <summary>The words for the patient or plan fact at <paramref name="index"/> of <see cref="Names"/>.</summary>
    public static string? Describe(int index, AssessmentRequest request, bool everyValue = false, bool plain = false) =>
        Facts[index].Words(request.Patient, request.Plan, everyValue, plain);

    /// <summary>Where a patient or plan fact is in <see cref="Names"/>.</summary>
    public static int IndexOf(string name) => FactIndex.TryGetValue(name, out var index)
        ? index
        : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a patient or plan trigger.");

    private static readonly Dictionary<string, int> FactIndex =
        Enumerable.Range(0, Facts.Length).ToDictionary(i => Facts[i].Name, StringComparer.Ordinal);

    public static string DescribeItem(int index, PlanItem item, bool plain = false) => plain
        ? $"{Words.Item(index)}: {Words.Describe(item)}"
        : $"item {index.ToString(CultureInfo.InvariantCulture)}: {DescribeItemBody(item)}";

    // Work that moves the spine, named on a region off it, says which part of the spine it moves.
    public static string DescribeItemBody(PlanItem item) =>
        $"{JsonNames.Of(item.Technique)} on {JsonNames.Of(item.Region)}, "
        + (Terms.MovesSpinalJoints(item) && !Terms.IsSpinal(item.Region)
            ? $"which moves the {JsonNames.Of(Terms.SpinalRegionMovedFrom(item.Region))} spine, "
            : "")
        + (item.Pressure == Pressure.Unknown ? "pressure not stated" : JsonNames.Of(item.Pressure) + " pressure");

    private static string V<TEnum>(bool plain, TEnum value)
        where TEnum : struct, Enum => plain ? Words.Of(value) : JsonNames.Of(value);

    private static string List<TEnum>(IReadOnlyList<TEnum> values, bool plain)
        where TEnum : struct, Enum => string.Join(", ", values.Select(v => V(plain, v)));
}
