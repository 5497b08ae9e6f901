using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Testing;

/// <summary>One problem with a scenario file: the file, and the problem at its JSON path.</summary>
/// <param name="File">The scenario file, as its path was given.</param>
/// <param name="Error">The problem, with its JSON path in the scenario file and its stable code.</param>
public sealed record ScenarioProblem(string File, InputError Error)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}: {Error.Path}: {Error.Message}";
}
