namespace AsMassageAdvisor.Model;

/// <summary>The pressure a plan item is given with. Firm and extreme pressure count as aggressive.</summary>
public enum Pressure
{
    /// <summary>Not given; treated as possibly aggressive.</summary>
    Unknown = 0,

    /// <summary>Light pressure.</summary>
    Light,

    /// <summary>Moderate pressure.</summary>
    Moderate,

    /// <summary>Firm pressure (aggressive).</summary>
    Firm,

    /// <summary>Extreme pressure (aggressive).</summary>
    Extreme,
}
