using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using AsMassageAdvisor.Cli;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Cli;

public sealed class CliAppTests
{
    // A .NET stack trace line; it must never reach the user.
    private const string StackTraceLine = "   at ";

    public static TheoryData<string> ValidExamples => new() { "gentle-plan.json", "manipulation-ankylosed-neck.json", "unknown-ankylosis.json" };

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Assessing_a_valid_example_as_json_exits_0_with_the_assessment_on_stdout(string example)
    {
        // Act
        var (exit, stdout, stderr) = Run(["assess", ExamplePath(example), "--format", "json"]);

        // Assert
        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        using var document = JsonDocument.Parse(stdout);
        document.RootElement.GetProperty("decision").GetString().Should().NotBeNullOrEmpty();
        document.RootElement.GetProperty("advisories").GetArrayLength().Should().BePositive();
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Assessing_a_valid_example_as_text_shows_a_table_with_every_advisory_code(string example)
    {
        // Arrange
        var (_, json, _) = Run(["assess", ExamplePath(example), "--format", "json"]);
        using var document = JsonDocument.Parse(json);
        var codes = document.RootElement.GetProperty("advisories").EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToList();

        // Act
        var (exit, stdout, stderr) = Run(["assess", ExamplePath(example), "--format", "text"]);

        // Assert
        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().StartWith("Decision: ").And.Contain("│").And.Contain("Code");
        codes.Should().NotBeEmpty().And.OnlyContain(code => stdout.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void The_manipulation_of_a_fused_neck_gives_proceed_with_modifications_and_a_contraindication_for_item_1()
    {
        // Act
        var (exit, stdout, _) = Run(["assess", ExamplePath("manipulation-ankylosed-neck.json"), "--format", "json"]);

        // Assert
        exit.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        root.GetProperty("decision").GetString().Should().Be("proceedWithModifications");
        var asm001 = root.GetProperty("advisories").EnumerateArray()
            .Should().ContainSingle(a => a.GetProperty("code").GetString() == "ASM-001").Which;
        asm001.GetProperty("severity").GetString().Should().Be("contraindicated");
        asm001.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()).Should().Equal(1);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void The_invalid_example_exits_2_naming_every_problem_on_stderr_and_nothing_on_stdout(string format)
    {
        // Act
        var (exit, stdout, stderr) = Run(["assess", ExamplePath("invalid-request.json"), "--format", format]);

        // Assert
        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("$.patient.diseaseActivty")
            .And.Contain("$.patient.ankylosis")
            .And.Contain("$.patient.painScore")
            .And.Contain("$.plan.items[0].technique")
            .And.Contain("diseaseActivity")
            .And.NotContain(StackTraceLine);
    }

    [Fact]
    public void A_dash_reads_the_request_from_standard_input()
    {
        // Arrange
        var path = ExamplePath("gentle-plan.json");
        var (_, fromFile, _) = Run(["assess", path, "--format", "json"]);

        // Act
        var (exit, stdout, stderr) = Run(["assess", "-", "--format", "json"], stdin: File.ReadAllText(path));

        // Assert
        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().Be(fromFile);
    }

    [Fact]
    public void Standard_input_may_start_with_a_byte_order_mark()
    {
        // Act
        var (exit, stdout, _) = Run(["assess", "-", "--format", "json"], stdin: "\uFEFF" + File.ReadAllText(ExamplePath("gentle-plan.json")));

        // Assert
        exit.Should().Be(0);
        stdout.Should().Contain("\"decision\"");
    }

    [Fact]
    public void An_invalid_request_on_standard_input_exits_2()
    {
        // Act
        var (exit, stdout, stderr) = Run(["assess", "-"], stdin: File.ReadAllText(ExamplePath("invalid-request.json")));

        // Assert
        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("$.patient.diseaseActivty");
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("not json")]
    [InlineData("unterminated")]
    [InlineData("empty object")]
    [InlineData("no items")]
    [InlineData("trailing brace")]
    [InlineData("null sections")]
    [InlineData("nesting bomb")]
    [InlineData("two mebibytes")]
    public void Any_invalid_input_exits_2_with_a_message_and_no_stack_trace(string kind)
    {
        // Arrange
        var input = kind switch
        {
            "empty" => "",
            "not json" => "not json",
            "unterminated" => "{",
            "empty object" => "{}",
            "no items" => """{ "patient": {}, "plan": { "items": [] } }""",
            "trailing brace" => """{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } } }""",
            "null sections" => """{ "patient": null, "plan": null }""",
            "nesting bomb" => new string('[', 10_000) + new string(']', 10_000),
            "two mebibytes" => "{ \"patient\": { \"smoker\": \"" + new string('a', 2 * 1024 * 1024) + "\" } }",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case"),
        };

        // Act
        var (exit, stdout, stderr) = Run(["assess", "-", "--format", "json"], stdin: input);

        // Assert
        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("$").And.Contain("invalid").And.NotContain(StackTraceLine);
    }

    [Fact]
    public void A_file_of_invalid_utf8_exits_2_as_an_invalid_request()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"as-massage-advisor-{Guid.NewGuid():N}.json");
        byte[] bytes =
        [
            .. """{ "patient": { "ankylosis": """u8, 0x22, 0xC3, 0x22,
            .. """ }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }"""u8,
        ];
        File.WriteAllBytes(path, bytes);

        try
        {
            // Act
            var (exit, stdout, stderr) = Run(["assess", path, "--format", "json"]);

            // Assert
            stderr.Should().NotContain(StackTraceLine);
            stdout.Should().BeEmpty();
            exit.Should().Be(2, "bad UTF-8 is invalid input, not an internal failure; stderr was: {0}", stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_exits_1_with_a_message_and_no_stack_trace()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"no-such-request-{Guid.NewGuid():N}.json");

        // Act
        var (exit, stdout, stderr) = Run(["assess", path]);

        // Assert
        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("cannot read").And.Contain(path).And.NotContain(StackTraceLine);
    }

    [Fact]
    public void A_directory_given_as_the_file_exits_1_with_a_message_and_no_stack_trace()
    {
        // Act
        var (exit, stdout, stderr) = Run(["assess", AppContext.BaseDirectory]);

        // Assert
        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("cannot read").And.NotContain(StackTraceLine);
    }

    [Theory]
    [InlineData("assess", "EXAMPLE", "--format", "xml")]
    [InlineData("rules", "--format", "xml")]
    [InlineData("assess", "EXAMPLE", "--bogus")]
    [InlineData("assess")]
    [InlineData("frobnicate")]
    [InlineData]
    public void A_bad_command_line_exits_1_with_a_message_and_no_stack_trace(params string[] args)
    {
        // Arrange
        args = args.Select(a => a == "EXAMPLE" ? ExamplePath("gentle-plan.json") : a).ToArray();

        // Act
        var (exit, stdout, stderr) = Run(args);

        // Assert
        exit.Should().Be(1);
        stderr.Should().NotBeNullOrWhiteSpace().And.NotContain(StackTraceLine);
        stdout.Should().BeEmpty("a mistake is answered on standard error, help included, so that '> out.json' captures nothing");
    }

    [Fact]
    public void A_bad_format_names_the_rejected_value()
    {
        // Act
        var (exit, _, stderr) = Run(["assess", ExamplePath("gentle-plan.json"), "--format", "xml"]);

        // Assert
        exit.Should().NotBe(0);
        stderr.Should().Contain("xml");
    }

    [Fact]
    public void Json_is_the_default_format_when_output_is_redirected()
    {
        // Act
        var (exit, stdout, _) = Run(["assess", ExamplePath("gentle-plan.json")], isTerminal: false);

        // Assert
        exit.Should().Be(0);
        var parse = () => JsonDocument.Parse(stdout).Dispose();
        parse.Should().NotThrow();
    }

    [Fact]
    public void Text_is_the_default_format_on_a_terminal()
    {
        // Act
        var (exit, stdout, _) = Run(["assess", ExamplePath("gentle-plan.json")], isTerminal: true);

        // Assert
        exit.Should().Be(0);
        stdout.Should().StartWith("Decision: Proceed\n");
    }

    [Fact]
    public void Rules_as_json_lists_every_rule_of_the_knowledge_base()
    {
        // Act
        var (exit, stdout, stderr) = Run(["rules", "--format", "json"]);

        // Assert
        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        using var document = JsonDocument.Parse(stdout);
        var rules = document.RootElement.GetProperty("rules");
        rules.GetArrayLength().Should().BeGreaterThanOrEqualTo(29).And.Be(KnowledgeBase.BuiltIn.Rules.Count);
        rules.EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().Equal(KnowledgeBase.BuiltIn.Rules.Select(r => r.Code));
        document.RootElement.GetProperty("knowledgeBase").GetProperty("sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Rules_as_text_shows_a_table_of_the_rules()
    {
        // Act
        var (exit, stdout, _) = Run(["rules"]);

        // Assert
        exit.Should().Be(0);
        var count = KnowledgeBase.BuiltIn.Rules.Count.ToString(CultureInfo.InvariantCulture);
        stdout.Should().Contain($"{count} rules").And.Contain("│");
        KnowledgeBase.BuiltIn.Rules.Should().OnlyContain(r => stdout.Contains(r.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_built_command_line_tool_exits_2_on_the_invalid_example_with_nothing_on_stdout()
    {
        // Arrange
        var dll = Path.Combine(AppContext.BaseDirectory, "as-massage-advisor.dll");
        File.Exists(dll).Should().BeTrue("the test project references the CLI project, so its assembly is copied next to the tests");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("assess");
        start.ArgumentList.Add(ExamplePath("invalid-request.json"));

        // Act
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        process.ExitCode.Should().Be(2);
        (await stdout).Should().BeEmpty();
        (await stderr).Should().Contain("$.patient.diseaseActivty").And.Contain("$.plan.items[0].technique").And.NotContain(StackTraceLine);
    }

    private static (int Exit, string Stdout, string Stderr) Run(string[] args, string stdin = "", bool isTerminal = false) =>
        CliRunner.Run(args, stdin, isTerminal);

    private static string ExamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    // The dotnet host that runs these tests: DOTNET_HOST_PATH when set, else the one above the runtime directory.
    private static string DotnetHost()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var besideRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", name));
        return File.Exists(besideRuntime) ? besideRuntime : name;
    }

    [Theory]
    [InlineData(200)]
    [InlineData(80)]
    [InlineData(100)]
    public void The_text_report_fits_the_width_it_is_given(int width)
    {
        // Arrange
        using var input = new MemoryStream();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        // Act
        var exit = AsMassageAdvisor.Cli.CliApp.Run(["assess", ExamplePath("unknown-ankylosis.json"), "--format", "text", "--explain"], input, output, error, isTerminal: true, width);

        // Assert
        exit.Should().Be(0);
        output.ToString().Split('\n').Should().OnlyContain(line => line.Length <= width);
        output.ToString().Split('\n').Max(line => line.Length).Should().Be(width, "the tables use the whole width");
    }

    [Fact]
    public void Text_asked_for_when_output_is_not_a_terminal_is_80_columns_wide()
    {
        // Act
        var (exit, stdout, _) = Run(["assess", ExamplePath("unknown-ankylosis.json"), "--format", "text"]);

        // Assert
        exit.Should().Be(0);
        stdout.Split('\n').Max(line => line.Length).Should().Be(80);
    }
}
