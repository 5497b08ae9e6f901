using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace AsMassageAdvisor.PackageTests;

/// <summary>
/// Packs the library and the tool once, from the outputs this test run already built, into
/// <c>artifacts/packages</c>; later restores use their own package cache, so a package from an earlier
/// run can never stand in for this one.
/// </summary>
public sealed class PackagedBuild
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public PackagedBuild()
    {
        Root = FindRoot();
        Packages = Path.Combine(Root, "artifacts", "packages");
        Cache = Path.Combine(Root, "artifacts", "package-test-cache");
        Version = typeof(Advisor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        if (Directory.Exists(Packages))
        {
            Directory.Delete(Packages, recursive: true);
        }

        Directory.CreateDirectory(Packages);
        foreach (var stale in Directory.Exists(Cache) ? Directory.GetDirectories(Cache, "asmassageadvisor*") : [])
        {
            Directory.Delete(stale, recursive: true);
        }

        foreach (var project in new[] { "src/AsMassageAdvisor", "src/AsMassageAdvisor.Fhir", "src/AsMassageAdvisor.Cli" })
        {
            var pack = Dotnet(Root, "pack", project, "--no-build", "-c", Configuration, "-o", Packages, "-p:ContinuousIntegrationBuild=true");
            if (pack.Exit != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack.Output}");
            }
        }
    }

    public string Root { get; }

    public string Packages { get; }

    /// <summary>The package cache of every restore made by these tests.</summary>
    public string Cache { get; }

    public string Version { get; }

    public string Package(string id, string extension = "nupkg") => Path.Combine(Packages, $"{id}.{Version}.{extension}");

    public string Example(string name) => Path.Combine(Root, "docs", "examples", name);

    /// <summary>Runs the dotnet host with the tests' own package cache; output and error interleaved.</summary>
    public (int Exit, string Output) Dotnet(string workingDirectory, params string[] args) => Run(DotnetHost(), workingDirectory, args);

    public (int Exit, string Output) Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NUGET_PACKAGES"] = Cache;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within 10 minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static string DotnetHost()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var candidate = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(candidate) ? candidate : "dotnet";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsMassageAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AsMassageAdvisor.sln) was not found above " + AppContext.BaseDirectory);
    }
}
