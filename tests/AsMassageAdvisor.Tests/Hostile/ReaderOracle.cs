using System.Diagnostics;
using System.Globalization;
using System.Text;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>What became of one input: assessed, rejected with named errors, or broken (any other outcome).</summary>
internal enum Verdict
{
    Assessed,
    Rejected,
    Broken,
}

internal sealed record Outcome(Verdict Verdict, string Detail)
{
    public static Outcome Broken(string detail) => new(Verdict.Broken, detail);
}

/// <summary>
/// The rule every hostile input must obey through the reader: either a valid assessment from
/// <c>new Advisor().Assess(request)</c>, or an <see cref="InvalidRequestException"/> whose errors are named
/// (at least one; each with a JSON path and a non-empty message). Never another exception type.
/// </summary>
internal static class ReaderOracle
{
    /// <summary>Runs the parsed request through the advisor, and classifies what happened.</summary>
    public static Outcome Judge(Func<AssessmentRequest> parse)
    {
        AssessmentRequest request;
        try
        {
            request = parse();
        }
        catch (InvalidRequestException ex)
        {
            return Rejected(ex);
        }
#pragma warning disable CA1031 // the point of the oracle: any other exception is a finding
        catch (Exception ex)
        {
            return Outcome.Broken($"Parse threw {ex.GetType().FullName}: {FirstLine(ex.Message)}");
        }

        try
        {
            var assessment = new Advisor().Assess(request);
            return assessment is null
                ? Outcome.Broken("Assess returned null")
                : new Outcome(Verdict.Assessed, assessment.Decision.ToString());
        }
        catch (InvalidRequestException ex)
        {
            return Rejected(ex);
        }
        catch (Exception ex)
        {
            return Outcome.Broken($"Assess threw {ex.GetType().FullName}: {FirstLine(ex.Message)}");
        }
#pragma warning restore CA1031
    }

    /// <summary>
    /// Checks one case through the three overloads (bytes, stream, string); null when it obeys the rule,
    /// otherwise what went wrong. The byte and stream overloads see the same bytes, so they must agree.
    /// </summary>
    public static string? Violation(HostileCase hostile)
    {
        var bytes = hostile.Bytes;
        var fromSpan = Judge(() => AssessmentRequestJson.Parse(bytes.AsSpan()));
        var fromStream = Judge(() => AssessmentRequestJson.Parse(new MemoryStream(bytes, writable: false)));
        var fromString = Judge(() => AssessmentRequestJson.Parse(hostile.AsText));
        var problems = new List<string>();
        if (fromSpan.Verdict == Verdict.Broken)
        {
            problems.Add("bytes: " + fromSpan.Detail);
        }

        if (fromStream.Verdict == Verdict.Broken)
        {
            problems.Add("stream: " + fromStream.Detail);
        }

        if (fromString.Verdict == Verdict.Broken)
        {
            problems.Add("string: " + fromString.Detail);
        }

        if (problems.Count == 0 && fromSpan.Verdict != fromStream.Verdict)
        {
            problems.Add($"bytes gave {fromSpan.Verdict} but stream gave {fromStream.Verdict}");
        }

        return problems.Count == 0 ? null : string.Join(" | ", problems);
    }

    /// <summary>The verdict of the byte overload alone (the one the command line uses).</summary>
    public static Outcome JudgeBytes(byte[] bytes) => Judge(() => AssessmentRequestJson.Parse(bytes.AsSpan()));

    /// <summary>
    /// Shrinks a broken input, greedily removing chunks (halving their size) while the byte overload still
    /// breaks with the same exception type; gives up after <paramref name="budget"/>.
    /// </summary>
    public static byte[] Minimize(byte[] input, TimeSpan budget)
    {
        var signature = Signature(JudgeBytes(input));
        if (signature is null)
        {
            return input;
        }

        var clock = Stopwatch.StartNew();
        var current = input;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && clock.Elapsed < budget; chunk /= 2)
        {
            var removed = true;
            while (removed && clock.Elapsed < budget)
            {
                removed = false;
                for (var start = 0; start + chunk <= current.Length && clock.Elapsed < budget;)
                {
                    byte[] candidate = [.. current.AsSpan(0, start), .. current.AsSpan(start + chunk)];
                    if (Signature(JudgeBytes(candidate)) == signature)
                    {
                        current = candidate;
                        removed = true;
                    }
                    else
                    {
                        start += chunk;
                    }
                }
            }
        }

        // Then every small size (JSON tokens are rarely a power of two long), until nothing more goes.
        for (var changed = true; changed && clock.Elapsed < budget;)
        {
            changed = false;
            for (var size = 1; size <= Math.Min(32, current.Length) && clock.Elapsed < budget; size++)
            {
                for (var start = 0; start + size <= current.Length && clock.Elapsed < budget; start++)
                {
                    byte[] candidate = [.. current.AsSpan(0, start), .. current.AsSpan(start + size)];
                    if (Signature(JudgeBytes(candidate)) == signature)
                    {
                        current = candidate;
                        changed = true;
                    }
                }
            }
        }

        return current;
    }

    /// <summary>The exception type of a broken outcome (e.g. "Parse threw System.X"), or null.</summary>
    public static string? Signature(Outcome outcome) =>
        outcome.Verdict != Verdict.Broken ? null : outcome.Detail.Split(':')[0];

    private static Outcome Rejected(InvalidRequestException ex)
    {
        if (ex.Errors is null || ex.Errors.Count == 0)
        {
            return Outcome.Broken("InvalidRequestException without errors");
        }

        var unnamed = ex.Errors.FirstOrDefault(e => string.IsNullOrWhiteSpace(e.Message) || e.Path is null || !e.Path.StartsWith('$'));
        return unnamed is null
            ? new Outcome(Verdict.Rejected, ex.Errors.Count.ToString(CultureInfo.InvariantCulture) + " errors, first " + ex.Errors[0])
            : Outcome.Broken($"InvalidRequestException with an unnamed error: path '{unnamed.Path}', message '{unnamed.Message}'");
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>Groups violations by their kind, with the first few cases of each, for a readable failure.</summary>
    public static string Report(IReadOnlyList<(HostileCase Case, string Problem)> violations, int perGroup = 3)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{violations.Count} case(s) broke the rule:").AppendLine();
        var minimized = 0;
        foreach (var group in violations.GroupBy(v => v.Problem.Split(':')[0] + ": " + string.Join(":", v.Problem.Split(':').Skip(1).Take(1)).Trim()))
        {
            builder.Append(CultureInfo.InvariantCulture, $"- {group.Count()} x {group.Key}").AppendLine();
            foreach (var (hostile, problem) in group.Take(perGroup))
            {
                builder.Append(CultureInfo.InvariantCulture, $"    {hostile}: {problem}").AppendLine();
                builder.Append(CultureInfo.InvariantCulture, $"      input: {hostile.Preview()}").AppendLine();
            }

            if (minimized++ >= 5)
            {
                continue;
            }

            var first = group.First().Case;
            var minimal = Minimize(first.Bytes, TimeSpan.FromSeconds(2));
            if (minimal.Length < first.Bytes.Length)
            {
                builder.Append(CultureInfo.InvariantCulture, $"      minimized ({minimal.Length} bytes, same failure): {HostileCase.Printable(minimal, 400)}").AppendLine();
            }
        }

        return builder.ToString();
    }
}
