namespace AsMassageAdvisor.Model;

/// <summary>Who gives the massage.</summary>
public enum Administrator
{
    /// <summary>Not given or not known; treated as possibly unlicensed.</summary>
    Unknown = 0,

    /// <summary>A licensed massage therapist.</summary>
    LicensedTherapist,

    /// <summary>A board-certified massage therapist.</summary>
    BoardCertifiedTherapist,

    /// <summary>Someone without a massage licence.</summary>
    UnlicensedPractitioner,

    /// <summary>The patient, on themselves.</summary>
    Self,
}
