namespace AsMassageAdvisor.Advice;

/// <summary>How strongly an advisory bears on the plan, mildest first.</summary>
public enum Severity
{
    /// <summary>Context or education; the plan need not change.</summary>
    Info = 0,

    /// <summary>Proceed, but something must be done first or watched.</summary>
    Caution = 1,

    /// <summary>Change the plan: avoid, lighten or replace the named items.</summary>
    Warning = 2,

    /// <summary>The named items must not be performed.</summary>
    Contraindicated = 3,

    /// <summary>Do not give this massage at all; refer for medical assessment.</summary>
    Stop = 4,
}
