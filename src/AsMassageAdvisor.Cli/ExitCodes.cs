namespace AsMassageAdvisor.Cli;

/// <summary>The exit codes of the contract.</summary>
internal static class ExitCodes
{
    /// <summary>An assessment was made (whatever its decision), or the command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Anything else: a file that cannot be read, a bad command line, an unexpected failure.</summary>
    public const int Failure = 1;

    /// <summary>The request is invalid; every problem is on standard error and nothing is on standard output.</summary>
    public const int InvalidInput = 2;
}
