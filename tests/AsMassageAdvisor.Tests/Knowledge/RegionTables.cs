using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The region tables the rule-scenario tests share, written out by hand rather than taken from <c>Terms</c>, so
/// that a change to the vocabulary shows up as a failing test.
/// </summary>
public static class RegionTables
{
    /// <summary>Every region, with whether it is spinal (the back or neck, and the sacroiliac region by interpretation).</summary>
    public static TheoryData<BodyRegion, bool> SpinalOrNot => new()
    {
        { BodyRegion.Cervical, true },
        { BodyRegion.Thoracic, true },
        { BodyRegion.Lumbar, true },
        { BodyRegion.Sacroiliac, true },
        { BodyRegion.Shoulders, false },
        { BodyRegion.Hips, false },
        { BodyRegion.Arms, false },
        { BodyRegion.Legs, false },
        { BodyRegion.Chest, false },
        { BodyRegion.Abdomen, false },
        { BodyRegion.Head, false },
    };

    /// <summary>Every region, with whether it is the back or neck (cervical, thoracic, lumbar), as the source says.</summary>
    public static TheoryData<BodyRegion, bool> BackOrNeckOrNot => new()
    {
        { BodyRegion.Cervical, true },
        { BodyRegion.Thoracic, true },
        { BodyRegion.Lumbar, true },
        { BodyRegion.Sacroiliac, false },
        { BodyRegion.Shoulders, false },
        { BodyRegion.Hips, false },
        { BodyRegion.Arms, false },
        { BodyRegion.Legs, false },
        { BodyRegion.Chest, false },
        { BodyRegion.Abdomen, false },
        { BodyRegion.Head, false },
    };

    /// <summary>Every region, with whether it is the sacroiliac one (spinal only by interpretation).</summary>
    public static TheoryData<BodyRegion, bool> SacroiliacOrNot => new()
    {
        { BodyRegion.Cervical, false },
        { BodyRegion.Thoracic, false },
        { BodyRegion.Lumbar, false },
        { BodyRegion.Sacroiliac, true },
        { BodyRegion.Shoulders, false },
        { BodyRegion.Hips, false },
        { BodyRegion.Arms, false },
        { BodyRegion.Legs, false },
        { BodyRegion.Chest, false },
        { BodyRegion.Abdomen, false },
        { BodyRegion.Head, false },
    };

    /// <summary>Every region of the model.</summary>
    public static TheoryData<BodyRegion> EveryRegion => new(Enum.GetValues<BodyRegion>());

    /// <summary>Every region away from the spine, with the spinal region a manipulation named on it moves.</summary>
    public static TheoryData<BodyRegion, BodyRegion> OffTheSpineWithTheSpineItMoves => new()
    {
        { BodyRegion.Head, BodyRegion.Cervical },
        { BodyRegion.Shoulders, BodyRegion.Cervical },
        { BodyRegion.Arms, BodyRegion.Cervical },
        { BodyRegion.Chest, BodyRegion.Thoracic },
        { BodyRegion.Abdomen, BodyRegion.Lumbar },
        { BodyRegion.Hips, BodyRegion.Lumbar },
        { BodyRegion.Legs, BodyRegion.Lumbar },
    };
}
