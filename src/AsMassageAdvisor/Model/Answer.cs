namespace AsMassageAdvisor.Model;

/// <summary>A yes/no fact that may not be known. The default is <see cref="Unknown"/>: a fact nobody gave is never read as "no".</summary>
public enum Answer
{
    /// <summary>Not given or not known; treated conservatively.</summary>
    Unknown = 0,

    /// <summary>Known to be so.</summary>
    Yes,

    /// <summary>Known not to be so.</summary>
    No,
}
