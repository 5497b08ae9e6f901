using System.Globalization;
using System.Resources;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// The words a person reads for the model's values, the changes of a safer plan and the unknown facts, from the one
/// resource file of words (Reports/PlainWords.resx). <c>PlainWords</c> gives them to the library's users; the parts below
/// the reports (the engine's reasons, the safer plan's text, the triggers in words) take them from here.
/// </summary>
internal static class Words
{
    private static readonly ResourceManager Resources = new("AsMassageAdvisor.Reports.PlainWords", typeof(Words).Assembly);

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Text($"{typeof(TEnum).Name}.{value}");

    public static string OfValue(Enum value) => Text($"{value.GetType().Name}.{value}");

    public static string Sentence(Decision decision) => Text($"DecisionSentence.{decision}");

    public static string Item(int index) => Format("Item", Number(index));

    public static string Items(IReadOnlyList<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        return indexes.Count == 1 ? Item(indexes[0]) : Format("Items", string.Join(", ", indexes.Select(Number)));
    }

    public static string Describe(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var words = item.Pressure == Pressure.Unknown
            ? Format("ItemNoPressure", Of(item.Technique), Of(item.Region))
            : Format("ItemWithPressure", Of(item.Pressure), Of(item.Technique), Of(item.Region));

        // Work that moves the spine, named on a region off it, says which part of the spine it moves.
        return Regions.MovesSpinalJoints(item) && !Regions.IsSpinal(item.Region)
            ? Format("MovesSpine", words, Of(Regions.SpinalRegionMovedFrom(item.Region)))
            : words;
    }

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

        return RequestFields.Named(name)?.About.Question ?? Format("Question.other", name);
    }

    // The facts that could change the decision come first, the lifestyle ones last (the model's QuestionRank).
    private static int Rank(string fact) => RequestFields.Named(LastName(fact))?.About.QuestionRank ?? int.MaxValue;

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
