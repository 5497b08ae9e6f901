using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// A suggestion for the therapist, never an order: the plan changed as the advisories ask (items removed, lightened or
/// replaced by a gentler technique on the same region), then assessed again by the same rules, so that none of its
/// items carries an advisory above caution. Items nothing flagged are kept unchanged and in order.
/// </summary>
public sealed record SaferPlan
{
    /// <summary>The items of the safer plan, in the order of the plan as given; empty when every item had to go.</summary>
    public required IReadOnlyList<PlanItem> Items { get; init; }

    /// <summary>The changes made, one per changed item, in the order of the plan as given.</summary>
    public required IReadOnlyList<PlanChange> Changes { get; init; }

    /// <summary>
    /// The decision for the safer plan, from its own assessment; never worse than the decision for the plan as given.
    /// With no item left, the decision of the advice about the patient and the session alone, and never less than
    /// <see cref="Decision.ProceedWithModifications"/>: nothing of the plan can be given as planned, and the session needs
    /// planning anew.
    /// </summary>
    public required Decision Decision { get; init; }

    /// <summary>
    /// The facts that are unknown (JSON paths): no change of plan can settle them, so they stay questions to ask.
    /// </summary>
    public required IReadOnlyList<string> OpenQuestions { get; init; }

    /// <summary>The safer plan in words (its decision, each change, the questions still open), not the names of its collections.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"Safer plan, decision with it: {Words.Of(Decision)}; "
        + (Changes.Count == 0 ? "no change" : string.Join("; ", Changes.Select(Words.Change)))
        + (OpenQuestions.Count == 0 ? "" : "; to ask: " + string.Join(" ", Words.Questions(OpenQuestions)));
}
