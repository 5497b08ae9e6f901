namespace AsMassageAdvisor.Knowledge;

/// <summary>The life-cycle state of a rule. Only production rules run unless asked otherwise.</summary>
public enum RuleStatus
{
    /// <summary>Reviewed and in use.</summary>
    Production = 1,

    /// <summary>Being checked; runs only when testing rules are asked for.</summary>
    Testing,

    /// <summary>Kept for study; runs only when research rules are asked for.</summary>
    Research,

    /// <summary>Withdrawn; kept for the record.</summary>
    Expired,
}
