using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// A plan item as a fact of the engine, with its index. A class compared by reference: <see cref="PlanItem"/> is a
/// record compared by value, and two equal items of one plan must stay two facts.
/// </summary>
internal sealed class IndexedItem(int index, PlanItem item)
{
    public int Index { get; } = index;

    public PlanItem Item { get; } = item;
}
