namespace AsMassageAdvisor.Advice;

/// <summary>How an advisory rests on its source.</summary>
public enum Basis
{
    /// <summary>The source says it.</summary>
    Stated = 1,

    /// <summary>A conservative reading the source does not spell out.</summary>
    Interpreted,
}
