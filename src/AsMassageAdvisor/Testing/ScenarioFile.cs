namespace AsMassageAdvisor.Testing;

/// <summary>
/// A scenario file, read and checked: the clinic rule file it adds (if any) and its named scenarios. The format is
/// described in docs/clinic-rules.md, with a JSON Schema in docs/schema/scenario-file.schema.json.
/// </summary>
public sealed class ScenarioFile
{
    /// <summary>The largest scenario file accepted, in bytes.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    internal ScenarioFile(string path, string? rulesPath, IReadOnlyList<RuleScenario> scenarios)
    {
        Path = path;
        RulesPath = rulesPath;
        Scenarios = scenarios;
    }

    /// <summary>The file, as its path was given.</summary>
    public string Path { get; }

    /// <summary>
    /// The clinic rule file the scenarios are about, as the file names it (relative to the scenario file's folder);
    /// null when they are about the built-in knowledge base alone.
    /// </summary>
    public string? RulesPath { get; }

    /// <summary>The scenarios, in the order written.</summary>
    public IReadOnlyList<RuleScenario> Scenarios { get; }

    /// <summary>
    /// Reads and checks a scenario file, and the request files it names: every problem of form is named together,
    /// with its JSON path. Rule codes are checked against a knowledge base when the file is run (see
    /// <see cref="ScenarioSuite"/>).
    /// </summary>
    /// <param name="path">The scenario file.</param>
    /// <returns>The file's scenarios.</returns>
    /// <exception cref="ScenarioFileException">The file, or a request file it names, has problems; every one is named.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ScenarioFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        var bytes = ScenarioFileReader.ReadAtMost(stream, MaxBytes);
        return new ScenarioFileReader(path).Read(bytes);
    }
}
