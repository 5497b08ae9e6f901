namespace AsMassageAdvisor.Model;

/// <summary>Whether ankylosis (bony fusion of spinal segments) is present.</summary>
public enum AnkylosisStatus
{
    /// <summary>Not given or not known; treated as possibly present.</summary>
    Unknown = 0,

    /// <summary>Ankylosis is present.</summary>
    Present,

    /// <summary>Ankylosis has been ruled out.</summary>
    Absent,
}
