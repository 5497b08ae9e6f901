using AsMassageAdvisor.Testing;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>The built-in rules' scenario files (tests/scenarios), and scenario files written for one test.</summary>
internal static class ScenarioFiles
{
    /// <summary>The scenario files of the built-in rules, in name order.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
        [.. Directory.GetFiles(RepositoryFiles.Path("tests", "scenarios"), "*.json").Order(StringComparer.Ordinal)];

    // Declared after the list of files, which it reads.
    private static readonly Lazy<ScenarioSuite> BuiltInSuite = new(() => ScenarioSuite.Load(BuiltIn));

    /// <summary>The built-in rules' scenario files, loaded once.</summary>
    public static ScenarioSuite Suite => BuiltInSuite.Value;

    /// <summary>
    /// A folder of its own holding the example clinic rule file, the example gentle plan and the given files, for a test
    /// that writes scenario files; deleted when disposed.
    /// </summary>
    public static TemporaryFolder Folder(params (string Name, string Text)[] files)
    {
        var folder = new TemporaryFolder();
        File.Copy(ClinicRuleFiles.ExamplePath, folder.Path("clinic-rules.json"));
        File.Copy(RepositoryFiles.Path("docs", "examples", "gentle-plan.json"), folder.Path("gentle-plan.json"));
        foreach (var (name, text) in files)
        {
            File.WriteAllText(folder.Path(name), text);
        }

        return folder;
    }
}

/// <summary>A folder under the temporary folder, deleted with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Root = Directory.CreateTempSubdirectory("scenarios-").FullName;
    }

    public string Root { get; }

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
