namespace AsMassageAdvisor.Model;

/// <summary>
/// Which body regions are the spine, which work moves its joints and which part of the spine such work named on another
/// region moves: facts about the regions themselves, which validation, wording and the rules' vocabulary (<c>Terms</c>, where each is
/// documented for the rule catalogue) all read from here.
/// </summary>
internal static class Regions
{
    /// <summary>Cervical, thoracic and lumbar: what the source calls "back or neck".</summary>
    public static bool IsBackOrNeck(BodyRegion region) =>
        region is BodyRegion.Cervical or BodyRegion.Thoracic or BodyRegion.Lumbar;

    /// <summary>The back or neck, plus the sacroiliac region, counted as spinal by interpretation.</summary>
    public static bool IsSpinal(BodyRegion region) => IsBackOrNeck(region) || region == BodyRegion.Sacroiliac;

    /// <summary>The head and the shoulders: work there loads the neck.</summary>
    public static bool LoadsTheNeck(BodyRegion region) => region is BodyRegion.Head or BodyRegion.Shoulders;

    /// <summary>
    /// A plan item that moves the spine's joints: manipulation anywhere, passive stretching of a spinal region, the head
    /// or the shoulders.
    /// </summary>
    public static bool MovesSpinalJoints(PlanItem item) =>
        item.Technique == Technique.SpinalManipulation
        || (item.Technique == Technique.PassiveStretching && (IsSpinal(item.Region) || LoadsTheNeck(item.Region)));

    /// <summary>The nearest spinal region to the one an item names; a spinal region is itself.</summary>
    public static BodyRegion SpinalRegionMovedFrom(BodyRegion region) => region switch
    {
        BodyRegion.Head or BodyRegion.Shoulders or BodyRegion.Arms or BodyRegion.Hands => BodyRegion.Cervical,
        BodyRegion.Chest => BodyRegion.Thoracic,
        BodyRegion.Abdomen or BodyRegion.Hips or BodyRegion.Legs or BodyRegion.Feet => BodyRegion.Lumbar,
        _ => region,
    };
}
