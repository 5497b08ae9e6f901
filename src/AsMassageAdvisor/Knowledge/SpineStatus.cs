using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// A derived fact, inserted by the knowledge base's inference rules once per assessment: what the rules take the
/// state of the spine to be. Rule conditions read it as <c>spine</c>; <c>patient.Ankylosis</c> in a condition reads
/// <see cref="Ankylosis"/>, so that a fused region listed without a status counts as ankylosis everywhere.
/// </summary>
public sealed class SpineStatus
{
    internal SpineStatus(AnkylosisStatus ankylosis, Answer restrictedMotion, IReadOnlyList<BodyRegion> fusedRegions, string because)
    {
        Ankylosis = ankylosis;
        TreatedAsFused = ankylosis == AnkylosisStatus.Present || (ankylosis == AnkylosisStatus.Unknown && restrictedMotion == Answer.Yes);
        MayBeFused = ankylosis == AnkylosisStatus.Unknown && restrictedMotion != Answer.Yes;
        FusedRegions = fusedRegions;
        NeckMayBeFused = ankylosis != AnkylosisStatus.Absent && (fusedRegions.Count == 0 || fusedRegions.Contains(BodyRegion.Cervical));
        Because = because;
    }

    /// <summary>The ankylosis status the rules use: as recorded, or present when fused regions are listed without a status.</summary>
    public AnkylosisStatus Ankylosis { get; }

    /// <summary>
    /// The spine is handled as fused: ankylosis is present, or its status is unknown while spinal motion is restricted
    /// (the fail-safe reading of a stiff spine whose fusion nobody has ruled out).
    /// </summary>
    [Term("fused spine", Meaning = "ankylosis present (also when `ankylosedRegions` lists regions and `ankylosis` is not given), or spinal motion restricted while the ankylosis status is unknown", Order = 9)]
    public bool TreatedAsFused { get; }

    /// <summary>Nobody knows whether the spine is fused, and nothing points to it: the status is unknown and motion is not known to be restricted.</summary>
    [Term("possibly fused spine", Meaning = "ankylosis status unknown and spinal motion not known to be restricted", Order = 10)]
    public bool MayBeFused { get; }

    /// <summary>
    /// The neck is fused or may be: ankylosis is present with the cervical region among the fused regions (or no region
    /// listed), or the ankylosis status is unknown. Forceful work on the head or shoulders loads such a neck.
    /// </summary>
    public bool NeckMayBeFused { get; }

    /// <summary>The regions listed as fused.</summary>
    public IReadOnlyList<BodyRegion> FusedRegions { get; }

    /// <summary>Why the rules read the spine so, in words (shown by explanations).</summary>
    public string Because { get; }
}
