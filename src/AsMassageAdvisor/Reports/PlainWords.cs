using System.Resources;
using AsMassageAdvisor.Advice;
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
    /// <summary>The words for a value of one of the model's enums, e.g. "Proceed with changes" or "a licensed therapist".</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The words.</returns>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Words.Of(value);

    /// <summary>What a decision asks of the therapist, in one sentence.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The sentence.</returns>
    public static string Sentence(Decision decision) =>
        Words.Sentence(decision);

    /// <summary>A plan item as people count it, from 1: index 0 is "item 1".</summary>
    /// <param name="index">The item's index in the plan (from 0).</param>
    /// <returns>The words.</returns>
    public static string Item(int index) =>
        Words.Item(index);

    /// <summary>Several plan items as people count them, from 1: "item 2" or "items 1, 3".</summary>
    /// <param name="indexes">The items' indexes in the plan (from 0).</param>
    /// <returns>The words.</returns>
    public static string Items(IReadOnlyList<int> indexes) =>
        Words.Items(indexes);

    /// <summary>A plan item in words, e.g. "firm spinal manipulation of the neck".</summary>
    /// <param name="item">The item.</param>
    /// <returns>The words.</returns>
    public static string Describe(PlanItem item) =>
        Words.Describe(item);

    /// <summary>
    /// One change of a safer plan in words, e.g. "item 1 (firm spinal manipulation of the neck): replace it with light
    /// effleurage".
    /// </summary>
    /// <param name="change">The change.</param>
    /// <returns>The words.</returns>
    public static string Change(PlanChange change) =>
        Words.Change(change);

    /// <summary>
    /// The unknown facts of an assessment (JSON paths) as questions a therapist can ask, the facts that could change the
    /// decision first and the lifestyle ones last.
    /// </summary>
    /// <param name="unknownFacts">The unknown facts, as <see cref="Assessment.UnknownFacts"/> lists them.</param>
    /// <param name="request">The request, when known: a question about an item then names the item's technique.</param>
    /// <returns>The questions, most important first.</returns>
    public static IReadOnlyList<string> Questions(IReadOnlyList<string> unknownFacts, AssessmentRequest? request = null) =>
        Words.Questions(unknownFacts, request);

    /// <summary>One unknown fact (a JSON path such as <c>$.patient.smoker</c>) as a question a therapist can ask.</summary>
    /// <param name="unknownFact">The JSON path of the fact.</param>
    /// <param name="request">The request, when known: a question about an item then names the item's technique.</param>
    /// <returns>The question.</returns>
    public static string Question(string unknownFact, AssessmentRequest? request = null) =>
        Words.Question(unknownFact, request);
}
