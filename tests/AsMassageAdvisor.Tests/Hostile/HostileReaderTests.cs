using System.Globalization;
using AsMassageAdvisor.Reading;
using Xunit.Abstractions;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>
/// Every case of the hostile corpus, through the reader's three overloads and the advisor: a valid
/// assessment, or an <see cref="InvalidRequestException"/> with named errors; never another exception,
/// never a hang.
/// </summary>
public sealed class HostileReaderTests(ITestOutputHelper output)
{
    /// <summary>
    /// A case slower than this is a hang. The largest inputs take well under a second; the margin is wide so
    /// that a busy shared machine is never mistaken for a hang (speed is measured in the benchmarks).
    /// </summary>
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Categories => new(HostileCorpus.Categories);

    [Theory]
    [MemberData(nameof(Categories))]
    public void Every_case_is_assessed_or_rejected_with_named_errors_and_nothing_else(string category)
    {
        // Arrange
        var cases = HostileCorpus.Of(category);

        // Act
        var run = Watchdog.Run(cases, ReaderOracle.Violation, PerCaseLimit);

        // Assert
        output.WriteLine($"{category}: {cases.Count} cases in {run.Elapsed.TotalSeconds:F2} s");
        foreach (var (slow, time) in run.Slowest)
        {
            output.WriteLine($"  slowest: {slow} {time.TotalMilliseconds:F0} ms");
        }

        cases.Should().NotBeEmpty();
        run.Hung.Should().BeNull($"no case may run for more than {PerCaseLimit.TotalSeconds} s (input: {run.Hung?.Preview()})");
        run.Violations.Should().BeEmpty(ReaderOracle.Report(run.Violations));
    }

    [Fact]
    public void The_corpus_is_large_and_covers_every_category()
    {
        // Act
        var counts = HostileCorpus.Categories.ToDictionary(c => c, c => HostileCorpus.Of(c).Count);

        // Assert
        output.WriteLine(string.Join(", ", counts.Select(kv => $"{kv.Key}: {kv.Value}")) + $"; total {HostileCorpus.All.Count}");
        counts[HostileCorpus.Truncation].Should().Be(HostileCorpus.Example(HostileCorpus.TruncatedExample).Length + 1);
        counts[HostileCorpus.Mutants].Should().Be(HostileCorpus.MutantsPerExample * HostileCorpus.ValidExamples.Length);
        counts.Values.Should().OnlyContain(n => n >= 10);
        HostileCorpus.All.Select(c => c.Category + "/" + c.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_mutants_are_the_same_on_every_run()
    {
        // Arrange
        var original = HostileCorpus.Example(HostileCorpus.ValidExamples[0]);
        var first = new Mutator(seed: 7);
        var second = new Mutator(seed: 7);

        // Act
        var a = Enumerable.Range(0, 200).Select(_ => first.Mutate(original)).ToArray();
        var b = Enumerable.Range(0, 200).Select(_ => second.Mutate(original)).ToArray();

        // Assert
        a.Select(m => m.Operations).Should().Equal(b.Select(m => m.Operations));
        a.Zip(b).Select(p => p.First.Bytes.SequenceEqual(p.Second.Bytes)).Should().OnlyContain(same => same);
    }

    [Fact]
    public void Every_prefix_that_stops_before_the_closing_brace_is_rejected_and_the_rest_are_assessed()
    {
        // Arrange
        var full = HostileCorpus.Example(HostileCorpus.TruncatedExample);
        var closingBrace = Array.LastIndexOf(full, (byte)'}');

        // Act
        var verdicts = Enumerable.Range(0, full.Length + 1).Select(n => ReaderOracle.JudgeBytes(full[..n]).Verdict).ToArray();

        // Assert
        verdicts[..(closingBrace + 1)].Should().OnlyContain(v => v == Verdict.Rejected);
        verdicts[(closingBrace + 1)..].Should().OnlyContain(v => v == Verdict.Assessed);
    }

    [Fact]
    public void The_mutants_include_valid_requests_so_the_advisor_itself_is_exercised()
    {
        // Act
        var verdicts = HostileCorpus.Of(HostileCorpus.Mutants).Select(c => ReaderOracle.JudgeBytes(c.Bytes).Verdict).ToArray();

        // Assert
        var assessed = verdicts.Count(v => v == Verdict.Assessed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mutants: {assessed} assessed, {verdicts.Count(v => v == Verdict.Rejected)} rejected, {verdicts.Count(v => v == Verdict.Broken)} broken"));
        assessed.Should().BeGreaterThan(100);
        verdicts.Count(v => v == Verdict.Rejected).Should().BeGreaterThan(1000);
    }
}
