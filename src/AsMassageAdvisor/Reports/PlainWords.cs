using System.Globalization;
using System.Resources;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

[assembly: NeutralResourcesLanguage("en")]

namespace AsMassageAdvisor.Reports;

/// <summary>
/// The words a person reads for the model's values: decisions, severities, techniques, regions, pressures, who gives
/// the massage, the changes of a safer plan and the questions to ask about unknown facts. Every text meant for people
/// (the text report, the session sheet, the cards, explanations) takes its words from here, so that they cannot drift
/// apart; JSON keeps the contract's names. The words live in one resource file per language (English for now).
/// </summary>
public static class PlainWords
{
    private static readonly ResourceManager Resources = new("AsMassageAdvisor.Reports.PlainWords", typeof(PlainWords).Assembly);

    // The facts that could change the decision come first, the lifestyle ones last.
    private static readonly string[] QuestionOrder =
    [
        "ankylosis", "neurologicalSymptoms", "neurologicalSymptomsAssessedOn", "neurologicalSymptomsChangedSinceAssessment", "diseaseActivity", "pressure", "restrictedSpinalMotion", "administeredBy",
        "therapistInformedOfCondition", "providerConsulted", "nsaidResponse", "onTnfInhibitor", "painScore",
        "statusConfirmedOn", "sessionDate", "smoker", "dietHighInFriedOrSugaryFoods",
    ];

    /// <summary>The words for a value of one of the model's enums, e.g. "Proceed with changes" or "a licensed therapist".</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The words.</returns>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Text($"{typeof(TEnum).Name}.{value}");

    /// <summary>What a decision asks of the therapist, in one sentence.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The sentence.</returns>
    public static string Sentence(Decision decision) => Text($"DecisionSentence.{decision}");

    /// <summary>A plan item as people count it, from 1: index 0 is "item 1".</summary>
    /// <param name="index">The item's index in the plan (from 0).</param>
    /// <returns>The words.</returns>
    public static string Item(int index) => Format("Item", Number(index));

    /// <summary>Several plan items as people count them, from 1: "item 2" or "items 1, 3".</summary>
    /// <param name="indexes">The items' indexes in the plan (from 0).</param>
    /// <returns>The words.</returns>
    public static string Items(IReadOnlyList<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        return indexes.Count == 1 ? Item(indexes[0]) : Format("Items", string.Join(", ", indexes.Select(Number)));
    }

    /// <summary>A plan item in words, e.g. "firm spinal manipulation of the neck".</summary>
    /// <param name="item">The item.</param>
    /// <returns>The words.</returns>
    public static string Describe(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var words = item.Pressure == Pressure.Unknown
            ? Format("ItemNoPressure", Of(item.Technique), Of(item.Region))
            : Format("ItemWithPressure", Of(item.Pressure), Of(item.Technique), Of(item.Region));

        // Work that moves the spine, named on a region off it, says which part of the spine it moves.
        return Terms.MovesSpinalJoints(item) && !Terms.IsSpinal(item.Region)
            ? Format("MovesSpine", words, Of(Terms.SpinalRegionMovedFrom(item.Region)))
            : words;
    }

    /// <summary>
    /// One change of a safer plan in words, e.g. "item 1 (firm spinal manipulation of the neck): replace it with light
    /// effleurage".
    /// </summary>
    /// <param name="change">The change.</param>
    /// <returns>The words.</returns>
    public static string Change(PlanChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var item = Item(change.Item);
        var from = Describe(change.From);
        if (change.To is not { } to)
        {
            return Format("Change.Remove", item, from);
        }

        // The new item is named without its region when the region stays the same.
        var toWords = to.Region == change.From.Region && to.Pressure != Pressure.Unknown
            ? $"{Of(to.Pressure)} {Of(to.Technique)}"
            : Describe(to);
        return Format(change.Action == ChangeAction.Lighten ? "Change.Lighten" : "Change.Replace", item, from, toWords);
    }

    /// <summary>
    /// The unknown facts of an assessment (JSON paths) as questions a therapist can ask, the facts that could change the
    /// decision first and the lifestyle ones last.
    /// </summary>
    /// <param name="unknownFacts">The unknown facts, as <see cref="Assessment.UnknownFacts"/> lists them.</param>
    /// <param name="request">The request, when known: a question about an item then names the item's technique.</param>
    /// <returns>The questions, most important first.</returns>
    public static IReadOnlyList<string> Questions(IReadOnlyList<string> unknownFacts, AssessmentRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(unknownFacts);
        return unknownFacts
            .Select((fact, position) => (Fact: fact, Rank: Rank(fact), Position: position))
            .OrderBy(f => f.Rank)
            .ThenBy(f => f.Position)
            .Select(f => Question(f.Fact, request))
            .ToArray();
    }

    /// <summary>One unknown fact (a JSON path such as <c>$.patient.smoker</c>) as a question a therapist can ask.</summary>
    /// <param name="unknownFact">The JSON path of the fact.</param>
    /// <param name="request">The request, when known: a question about an item then names the item's technique.</param>
    /// <returns>The question.</returns>
    public static string Question(string unknownFact, AssessmentRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(unknownFact);
        var name = LastName(unknownFact);
        if (name == "pressure" && ItemIndex(unknownFact) is { } index)
        {
            var items = request?.Plan.Items;
            var item = items is not null && index < items.Count
                ? $"{Item(index)} ({Of(items[index].Technique)} of the {Of(items[index].Region)})"
                : Item(index);
            return Format("Question.pressure", item);
        }

        return Resources.GetString("Question." + name, CultureInfo.CurrentUICulture) is { } question
            ? question
            : Format("Question.other", name);
    }

    private static int Rank(string fact)
    {
        var index = Array.IndexOf(QuestionOrder, LastName(fact));
        return index < 0 ? QuestionOrder.Length : index;
    }

    private static string LastName(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static int? ItemIndex(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    private static string Number(int index) => checked(index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Format(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, Text(key), values);

    private static string Text(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"No words for '{key}'.");
}
