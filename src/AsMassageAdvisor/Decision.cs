namespace AsMassageAdvisor;

/// <summary>The overall answer for a plan, derived from the most severe advisory.</summary>
public enum Decision
{
    /// <summary>Only informational advisories.</summary>
    Proceed = 0,

    /// <summary>At worst a caution: act on it first or watch for it.</summary>
    ProceedWithCaution = 1,

    /// <summary>At worst a warning or a contraindication: change the named items first.</summary>
    ProceedWithModifications = 2,

    /// <summary>A stop advisory: no massage; refer for medical assessment.</summary>
    DoNotProceed = 3,
}
