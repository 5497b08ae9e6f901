namespace AsMassageAdvisor.Model;

/// <summary>What the session is meant to achieve.</summary>
public enum SessionGoal
{
    /// <summary>Less pain.</summary>
    ReducePain = 1,

    /// <summary>More flexibility.</summary>
    ImproveFlexibility,

    /// <summary>Relaxation.</summary>
    Relaxation,

    /// <summary>Less inflammation.</summary>
    ReduceInflammation,

    /// <summary>Less anti-inflammatory medication.</summary>
    ReduceMedication,
}
