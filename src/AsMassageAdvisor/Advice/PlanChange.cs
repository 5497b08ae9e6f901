using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>One change the safer plan makes to an item of the plan as given.</summary>
/// <param name="Item">The index of the item in the plan as given.</param>
/// <param name="Action">What the change does.</param>
/// <param name="From">The item as given.</param>
/// <param name="To">The item as changed; null when it is removed.</param>
/// <param name="Because">The codes of the advisories that asked for the change, in code order.</param>
public sealed record PlanChange(int Item, ChangeAction Action, PlanItem From, PlanItem? To, IReadOnlyList<string> Because)
{
    /// <summary>The change in words, with the codes that asked for it.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Words.Change(this)} (because of {string.Join(", ", Because)})";
}
