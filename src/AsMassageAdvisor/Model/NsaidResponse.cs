namespace AsMassageAdvisor.Model;

/// <summary>How the patient's disease responds to non-steroidal anti-inflammatory drugs.</summary>
public enum NsaidResponse
{
    /// <summary>Not given or not known.</summary>
    Unknown = 0,

    /// <summary>NSAIDs control the disease.</summary>
    Controlled,

    /// <summary>NSAIDs do not control the disease.</summary>
    NotControlled,

    /// <summary>The patient takes no NSAIDs.</summary>
    NotTaking,
}
