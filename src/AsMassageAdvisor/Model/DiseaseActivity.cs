namespace AsMassageAdvisor.Model;

/// <summary>Whether the disease is currently in a flare-up.</summary>
public enum DiseaseActivity
{
    /// <summary>Not given or not known; treated as a possible flare where that matters.</summary>
    Unknown = 0,

    /// <summary>Stable (non-active) disease.</summary>
    Stable,

    /// <summary>An active flare-up.</summary>
    Flare,
}
