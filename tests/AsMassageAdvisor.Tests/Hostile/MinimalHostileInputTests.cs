using System.Diagnostics;
using System.Text;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>
/// The smallest inputs found by the hostile corpus (and by fuzzing) that break, or once broke, the rule:
/// each must be rejected with named errors, by the reader and by the command line (exit 2).
/// </summary>
public sealed class MinimalHostileInputTests
{
    public static TheoryData<string> MinimalInputs => new()
    {
        // A lone surrogate escape in any string the reader reads (a field name, an enum value, a date).
        """{"\ud800":0}""",
        """{"patient":{"smoker":"\udc00"}}""",
        """{"plan":{"sessionDate":"\ud800"}}""",
        """{"plan":{"goals":["\ud800"]}}""",
        """{"plan":{"items":[{"technique":"a\udfff"}]}}""",

        // An unknown field whose name is longer than 64 characters (no spelling hint can be computed).
        "{\"" + new string('a', 65) + "\":0}",
        """{"patient":{"smokerxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx":"no"}}""",
    };

    [Theory]
    [MemberData(nameof(MinimalInputs))]
    public void The_reader_rejects_the_input_with_named_errors(string json)
    {
        // Act
        var act = () => AssessmentRequestJson.Parse(json);

        // Assert
        act.Should().Throw<InvalidRequestException>()
            .Which.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Path.StartsWith('$') && e.Message.Length > 0);
    }

    [Theory]
    [MemberData(nameof(MinimalInputs))]
    public void The_command_line_exits_2_with_the_errors_on_stderr_from_a_file_and_from_stdin(string json)
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        try
        {
            // Act
            var fromFile = HostileCliTests.RunCli(["assess", path, "--format", "json"], Stream.Null);
            var fromStdin = HostileCliTests.RunCli(["assess", "-", "--format", "json"], Utf8(json));

            // Assert
            foreach (var run in new[] { fromFile, fromStdin })
            {
                run.Exit.Should().Be(2, $"the input is invalid (stderr: {run.Stderr})");
                HostileCliTests.Check(run).Problem.Should().BeNull();
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_field_name_holding_a_newline_cannot_forge_a_stack_trace_line_on_stderr()
    {
        // Arrange: the field name is echoed in the error's path.
        const string json = """{"\n   at X.Y()":0}""";

        // Act
        var run = HostileCliTests.RunCli(["assess", "-", "--format", "json"], Utf8(json));

        // Assert
        run.Exit.Should().Be(2);
        run.Stderr.Split('\n').Should().NotContain(line => line.StartsWith("   at ", StringComparison.Ordinal), "stderr:\n" + run.Stderr);
    }

    [Fact]
    public void A_megabyte_of_unknown_fields_is_rejected_with_bounded_work()
    {
        // Arrange: 174,746 unknown fields. Each listed one costs a spelling hint and a ~270-character message,
        // so before the cap this took about a gigabyte; the cost is measured as memory, not as time, so that
        // a busy machine cannot make the test fail (speed is the benchmarks' business).
        var count = (AssessmentRequestJson.MaxBytes - 100) / 6;
        var json = Encoding.UTF8.GetBytes("{\"patient\":{" + string.Join(",", Enumerable.Repeat("\"a\":0", count)) + "},\"plan\":{\"items\":[]}}");
        json.Length.Should().BeLessThanOrEqualTo(AssessmentRequestJson.MaxBytes);
        var before = GC.GetAllocatedBytesForCurrentThread();

        // Act
        var act = () => AssessmentRequestJson.Parse(json);

        // Assert
        var errors = act.Should().Throw<InvalidRequestException>().Which.Errors;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        errors.Should().HaveCount(101, "100 problems are listed and the rest counted");
        allocated.Should().BeLessThan(64L * 1024 * 1024, $"a request within the size limit must not cost hundreds of megabytes ({errors.Count} errors)");
    }

    private static MemoryStream Utf8(string json) => new(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json));
}
