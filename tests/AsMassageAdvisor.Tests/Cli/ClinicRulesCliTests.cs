using System.Text.Json;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Cli;

/// <summary><c>assess --rules</c>, <c>rules --rules</c>, <c>rules check</c> and <c>--version</c>.</summary>
public sealed class ClinicRulesCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-rules-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Rules_check_accepts_the_example_file_and_says_what_it_adds()
    {
        var (exit, stdout, stderr) = Run(["rules", "check", ClinicRuleFiles.ExamplePath]);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().Contain("ok: 'Example clinic: house rules for massage in inflammatory back disease' version 2026.1")
            .And.Contain("2 clinic rules (2 will run)")
            .And.Contain("46 built-in rules");
    }

    [Fact]
    public void Rules_check_names_every_problem_of_a_bad_file_and_exits_2()
    {
        var path = Write(ClinicRuleFiles.WithRule("patient.GetType().Assembly.Location != null && Enumerable.Range(0, 300000000).Count() > 0"));

        var (exit, stdout, stderr) = Run(["rules", "check", path]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: the clinic rule file '{path}' cannot be used (")
            .And.Contain("CLN-100: not allowed: ")
            .And.Contain("the method 'Object.GetType'")
            .And.Contain("the method 'Enumerable.Range'")
            .And.NotContain("   at ");
    }

    [Fact]
    public void A_clinic_rule_file_that_cannot_be_read_exits_1()
    {
        var (exit, stdout, stderr) = Run(["rules", "check", Path.Combine(_folder, "missing.json")]);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("error: cannot read the clinic rule file");
    }

    [Fact]
    public void Control_characters_quoted_from_a_clinic_file_do_not_reach_the_terminal()
    {
        var path = Write(ClinicRuleFiles.Alter(root => root["workflow"]!["Rules"]![0]!["Properties"]!["bad\u001b[2Jfield"] = "x"));

        var (exit, _, stderr) = Run(["rules", "check", path]);

        exit.Should().Be(2);
        stderr.Should().NotContain("\u001b").And.Contain("\\u001b");
    }

    [Fact]
    public void Assess_with_clinic_rules_adds_their_advisories_and_names_the_file_in_the_output()
    {
        // The example leaves the pain score out, which the example clinic's review rule asks about.
        var request = Path.Combine(AppContext.BaseDirectory, "examples", "unknown-ankylosis.json");

        var (exit, withRules, stderr) = Run(["assess", request, "--format", "json", "--rules", ClinicRuleFiles.ExamplePath]);
        var (_, without, _) = Run(["assess", request, "--format", "json"]);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        using var combined = JsonDocument.Parse(withRules);
        using var builtIn = JsonDocument.Parse(without);
        Codes(combined).Should().Contain(Codes(builtIn)).And.Contain("CLN-001");
        combined.RootElement.GetProperty("knowledgeBase").GetProperty("clinicRules").GetProperty("version").GetString().Should().Be("2026.1");
        builtIn.RootElement.GetProperty("knowledgeBase").TryGetProperty("clinicRules", out _).Should().BeFalse();
    }

    [Fact]
    public void Assess_with_a_bad_clinic_file_assesses_nothing_and_exits_2()
    {
        var request = Path.Combine(AppContext.BaseDirectory, "examples", "gentle-plan.json");
        var path = Write(ClinicRuleFiles.WithRule("PlanItem(Technique.Effleurage, BodyRegion.Arms, Pressure.Light).Region == BodyRegion.Arms"));

        var (exit, stdout, stderr) = Run(["assess", request, "--rules", path]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("CLN-100: 'New' expressions are not allowed");
    }

    [Fact]
    public void Rules_with_clinic_rules_lists_them_after_the_built_in_ones()
    {
        var (exit, stdout, _) = Run(["rules", "--format", "json", "--rules", ClinicRuleFiles.ExamplePath]);

        exit.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        document.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().EndWith(["CLN-001", "CLN-002"]);
    }

    [Fact]
    public void Version_prints_the_tool_and_knowledge_base_versions()
    {
        var (exit, stdout, stderr) = Run(["--version"]);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        var identity = KnowledgeBase.BuiltIn.Identity;
        stdout.Should().MatchRegex(@"^as-massage-advisor \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\r?\n")
            .And.Contain($"knowledge base {identity.Version} (sha256 {identity.Sha256})");
        stdout.Should().NotContain("+", "the commit hash some builds append is left out");
    }

    private static IEnumerable<string> Codes(JsonDocument document) =>
        document.RootElement.GetProperty("advisories").EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToList();

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "clinic.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Exit, string Stdout, string Stderr) Run(string[] args) =>
        CliRunner.Run(args);
}
