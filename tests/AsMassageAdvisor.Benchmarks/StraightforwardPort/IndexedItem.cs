using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>
/// A plan item as a fact, with its position in the plan. <see cref="PlanItem"/> compares by value and NRules
/// identifies facts by equality, so two equal items of one plan would collapse into one fact; the index keeps
/// them apart and tells a finding which item it is about.
/// </summary>
/// <param name="Index">The item's position in the plan, from 0.</param>
/// <param name="Item">The item.</param>
public sealed record IndexedItem(int Index, PlanItem Item);
