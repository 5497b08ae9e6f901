using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The region tables the rule-scenario tests share. The spinal regions are written out here by hand rather than
/// taken from <c>Terms</c>, so that a change to the vocabulary shows up as a failing test.
/// </summary>
public static class RegionTables
{
    // What the source calls "back or neck"; the sacroiliac region is spinal only by interpretation.
    private static readonly BodyRegion[] BackOrNeck = [BodyRegion.Cervical, BodyRegion.Thoracic, BodyRegion.Lumbar];

    /// <summary>Every region, with whether it is spinal (the back or neck, and the sacroiliac region by interpretation).</summary>
    public static TheoryData<BodyRegion, bool> SpinalOrNot => EveryRegionWith(r => BackOrNeck.Contains(r) || r == BodyRegion.Sacroiliac);

    /// <summary>Every region, with whether it is the back or neck (cervical, thoracic, lumbar), as the source says.</summary>
    public static TheoryData<BodyRegion, bool> BackOrNeckOrNot => EveryRegionWith(BackOrNeck.Contains);

    /// <summary>Every region, with whether it is the sacroiliac one (spinal only by interpretation).</summary>
    public static TheoryData<BodyRegion, bool> SacroiliacOrNot => EveryRegionWith(r => r == BodyRegion.Sacroiliac);

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

    private static TheoryData<BodyRegion, bool> EveryRegionWith(Func<BodyRegion, bool> flag)
    {
        var table = new TheoryData<BodyRegion, bool>();
        foreach (var region in Enum.GetValues<BodyRegion>())
        {
            table.Add(region, flag(region));
        }

        return table;
    }
}
