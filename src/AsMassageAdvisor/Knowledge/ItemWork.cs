using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// A derived fact, inserted by the knowledge base's inference rules for every plan item: the item with its position in
/// the plan and what the shared terms say of it. Item rules match it; their conditions read it as <c>work</c> and its
/// item as <c>item</c>.
/// </summary>
public sealed class ItemWork
{
    internal ItemWork(CaseFacts facts, int index, PlanItem item)
    {
        Facts = facts;
        Index = index;
        Item = item;
        OnSpine = Terms.IsSpinal(item.Region);
        SpinalWork = Terms.IsSpinalWork(item);
        MovesSpine = Terms.MovesSpinalJoints(item);
        SpinalRegion = SpinalWork ? Terms.SpinalRegionMovedFrom(item.Region) : null;
        Aggressive = Terms.IsAggressive(item);
        Gentle = Terms.IsGentle(item);
        NextToNeck = Terms.LoadsTheNeck(item.Region);
        FrictionOrPercussion = item.Technique is Technique.Friction or Technique.Tapotement;
        GentleStroke = item.Technique is Technique.Effleurage or Technique.Vibration;
    }

    /// <summary>The facts of the assessment the item belongs to, which an item rule's conditions read.</summary>
    internal CaseFacts Facts { get; }

    /// <summary>The item's position in the plan, from 0.</summary>
    public int Index { get; }

    /// <summary>The plan item.</summary>
    public PlanItem Item { get; }

    /// <summary>The item names a spinal region (<see cref="Terms.IsSpinal"/>).</summary>
    public bool OnSpine { get; }

    /// <summary>The item works on or moves the spine (<see cref="Terms.IsSpinalWork"/>).</summary>
    public bool SpinalWork { get; }

    /// <summary>The item moves the spine's joints: manipulation anywhere, passive stretching of the spine, head or shoulders (<see cref="Terms.MovesSpinalJoints"/>).</summary>
    [Term("moves the spine")]
    public bool MovesSpine { get; }

    /// <summary>For spinal work, the spinal region it works on or moves; otherwise null.</summary>
    public BodyRegion? SpinalRegion { get; }

    /// <summary>The item is aggressive work (<see cref="Terms.IsAggressive"/>).</summary>
    public bool Aggressive { get; }

    /// <summary>The item is gentle work (<see cref="Terms.IsGentle"/>).</summary>
    public bool Gentle { get; }

    /// <summary>The item works on the head or shoulders, which loads the neck (<see cref="Terms.LoadsTheNeck"/>).</summary>
    public bool NextToNeck { get; }

    /// <summary>The item is friction or tapotement: quick rubbing or percussive strokes.</summary>
    public bool FrictionOrPercussion { get; }

    /// <summary>The item is effleurage or vibration, gentle by the nature of the stroke whatever pressure is stated.</summary>
    [Term("gentle stroke", Meaning = "effleurage or vibration, gentle by the nature of the stroke: a pressure not stated on it is asked for with a caution (ASM-046), on any other technique with a warning (ASM-027)", Order = 13)]
    public bool GentleStroke { get; }
}
