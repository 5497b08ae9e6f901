using System.Text;
using System.Text.Json;
using AsMassageAdvisor.Cli;
using Xunit.Abstractions;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>
/// A representative part of the hostile corpus through the command line, in process, from a file and
/// from standard input: exit 0 (stdout is JSON) or 2 (stdout empty, errors on stderr, no stack trace);
/// never 1. From a file, the exit code also matches what the reader says of the same bytes.
/// </summary>
public sealed class HostileCliTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Cases taken from each category, evenly spread over it.</summary>
    public const int PerCategory = 30;

    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(60);

    private readonly string directory = Directory.CreateTempSubdirectory("hostile-cli-").FullName;

    public static TheoryData<string> Categories => new(HostileCorpus.Categories);

    /// <summary>Up to <see cref="PerCategory"/> cases of a category, evenly spaced, always the first and the last.</summary>
    internal static IReadOnlyList<HostileCase> Sample(string category)
    {
        var cases = HostileCorpus.Of(category);
        if (cases.Count <= PerCategory)
        {
            return cases;
        }

        return Enumerable.Range(0, PerCategory).Select(i => cases[(int)((long)i * (cases.Count - 1) / (PerCategory - 1))]).Distinct().ToArray();
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void A_sample_of_the_category_exits_0_or_2_from_a_file_and_from_stdin_never_1(string category)
    {
        // Arrange
        var cases = Sample(category);
        var index = 0;

        // Act
        var run = Watchdog.Run(
            cases,
            hostile =>
            {
                var path = Path.Combine(directory, $"case-{Interlocked.Increment(ref index)}.json");
                File.WriteAllBytes(path, hostile.Bytes);
                var fromFile = RunCli(["assess", path, "--format", "json"], Stream.Null);
                var fileCheck = Check(fromFile);
                var expected = ReaderOracle.JudgeBytes(hostile.Bytes).Verdict;
                var problems = new List<string>();
                if (fileCheck.Problem is not null)
                {
                    problems.Add("file: " + fileCheck.Problem);
                }
                else if ((fromFile.Exit == 0) != (expected == Verdict.Assessed))
                {
                    problems.Add($"file: exit {fromFile.Exit} but the reader says {expected}");
                }

                using var stdin = new MemoryStream(hostile.Bytes);
                var fromStdin = RunCli(["assess", "-", "--format", "json"], stdin);
                if (Check(fromStdin).Problem is { } problem)
                {
                    problems.Add("stdin: " + problem);
                }
                else if (fromStdin != fromFile)
                {
                    problems.Add($"stdin and file differ: exit {fromStdin.Exit} vs {fromFile.Exit}; stderr {fromStdin.Stderr} vs {fromFile.Stderr}");
                }

                File.Delete(path);
                return problems.Count == 0 ? null : string.Join(" | ", problems);
            },
            PerCaseLimit);

        // Assert
        output.WriteLine($"{category}: {cases.Count} cases, twice each, in {run.Elapsed.TotalSeconds:F2} s");
        cases.Should().NotBeEmpty();
        run.Hung.Should().BeNull($"no case may run for more than {PerCaseLimit.TotalSeconds} s (input: {run.Hung?.Preview()})");
        run.Violations.Should().BeEmpty(ReaderOracle.Report(run.Violations));
    }

    [Fact]
    public void The_sample_holds_a_few_hundred_cases()
    {
        // Act
        var total = HostileCorpus.Categories.Sum(c => Sample(c).Count);

        // Assert
        output.WriteLine($"{total} cases through the command line");
        total.Should().BeInRange(200, 400);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    internal static (int Exit, string Stdout, string Stderr) RunCli(string[] args, Stream input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, input, stdout, stderr, isTerminal: false);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Null when the run obeys the exit-code contract; otherwise what is wrong.</summary>
    internal static (int Exit, string? Problem) Check((int Exit, string Stdout, string Stderr) run)
    {
        var (exit, stdout, stderr) = run;
        switch (exit)
        {
            case 0:
                try
                {
                    using var document = JsonDocument.Parse(stdout);
                    return (exit, null);
                }
                catch (JsonException ex)
                {
                    return (exit, "exit 0 but stdout is not JSON: " + ex.Message);
                }

            case 2:
                if (stdout.Length > 0)
                {
                    return (exit, "exit 2 with output on stdout: " + Cut(stdout));
                }

                if (stderr.Trim().Length == 0)
                {
                    return (exit, "exit 2 with nothing on stderr");
                }

                var traceLine = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("   at ", StringComparison.Ordinal));
                return traceLine is null ? (exit, null) : (exit, "exit 2 with a stack-trace line on stderr: " + Cut(traceLine));

            default:
                return (exit, $"exit {exit}: {Cut(stderr)}");
        }
    }

    private static string Cut(string text)
    {
        var line = text.ReplaceLineEndings(" ⏎ ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
