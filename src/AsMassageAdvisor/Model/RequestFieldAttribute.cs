namespace AsMassageAdvisor.Model;

/// <summary>
/// What the advisor says about one field of the request, written beside the field so that a new field is added in one
/// place: its JSON name and path come from the property's name (camelCase), and from here come the words of its
/// trigger, the question asked when it is unknown, and where it stands in the lists of unknown facts, triggers and
/// questions. <see cref="RequestFields"/> reads these; nothing else names a field.
/// </summary>
/// <param name="order">
/// Where the fact stands among the request's facts in the unknown facts and the triggers (patient and plan alike);
/// numbered in tens, so that a field can be put between two others.
/// </param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class RequestFieldAttribute(int order) : Attribute
{
    /// <summary>Where the fact stands among the request's facts.</summary>
    public int Order { get; } = order;

    /// <summary>
    /// The words before the value in a trigger, e.g. "smoker" for "smoker: yes"; null when a rule cannot name the field
    /// as a trigger of its own (its value shows in another's).
    /// </summary>
    public string? Trigger { get; init; }

    /// <summary>
    /// The question a therapist asks when the fact is unknown; null when the fact cannot be unknown (a list that
    /// defaults to empty) or is asked about item by item.
    /// </summary>
    public string? Question { get; init; }

    /// <summary>
    /// Whether an absent value reads as "now" (the contract's dates: an absent status date is a current status, an absent
    /// session date is today). Such a fact is still listed as unknown, as given, but the safer plan asks nothing of it.
    /// </summary>
    public bool AbsentMeansNow { get; init; }

    /// <summary>
    /// Where the question stands among the questions, the facts that could change the decision first (0) and the
    /// lifestyle ones last.
    /// </summary>
    public int QuestionRank { get; init; } = int.MaxValue;
}
