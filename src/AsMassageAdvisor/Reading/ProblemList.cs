namespace AsMassageAdvisor.Reading;

/// <summary>The message of an exception that carries a list of problems: a lead with their count, then one problem a line.</summary>
internal static class ProblemList
{
    /// <summary>E.g. "The request is invalid (2 problems):" and each problem on a line of its own, indented.</summary>
    /// <exception cref="ArgumentException">The list is empty: <paramref name="whenEmpty"/>.</exception>
    public static string Describe<T>(string lead, IReadOnlyList<T> problems, string whenEmpty, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(problems, parameterName);
        if (problems.Count == 0)
        {
            throw new ArgumentException(whenEmpty, parameterName);
        }

        return $"{lead} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
            + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
    }
}
