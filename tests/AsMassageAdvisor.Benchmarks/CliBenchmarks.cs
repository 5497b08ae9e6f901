using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>The command-line tool end to end: a fresh process assessing a bundled example.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
public class CliBenchmarks
{
    private string _cli = "";
    private string _example = "";

    [GlobalSetup]
    public void Setup()
    {
        _cli = Path.Combine(AppContext.BaseDirectory, "as-massage-advisor.dll");
        _example = Path.Combine(AppContext.BaseDirectory, "examples", "gentle-plan.json");
    }

    [Benchmark(Description = "as-massage-advisor assess gentle-plan.json --format json")]
    public int AssessExample()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [_cli, "assess", _example, "--format", "json"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException("the tool failed");
    }
}
