namespace AsMassageAdvisor.Browser.Tests.Support;

/// <summary>Finds the repository's own files; a small copy of the main test project's, to keep the projects apart.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>True when generated docs, the screenshots among them, should be rewritten (UPDATE_DOCS=1).</summary>
    public static bool UpdateDocs => Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AsMassageAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with AsMassageAdvisor.sln) was not found above " + AppContext.BaseDirectory);
    }
}
