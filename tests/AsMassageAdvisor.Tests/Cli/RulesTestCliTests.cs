using System.Xml.Linq;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Cli;

/// <summary><c>rules test</c>: the table of results, the differences, the exit codes, JUnit output and the coverage.</summary>
public sealed class RulesTestCliTests
{
    private const string Passing = """
        { "rules": "clinic-rules.json", "base": "gentle-plan.json", "scenarios": [
          { "name": "high pain asks for review", "request": { "patient": { "painScore": 8 } },
            "expect": { "fires": [ { "rule": "CLN-001", "severity": "caution" } ], "decision": "proceedWithCaution" } },
          { "name": "light chest work is left alone",
            "request": { "plan": { "items": [ { "technique": "effleurage", "region": "chest", "pressure": "light" } ] } },
            "expect": { "silent": [ "CLN-002" ] } }
        ] }
        """;

    private const string Failing = """
        { "rules": "clinic-rules.json", "base": "gentle-plan.json", "scenarios": [
          { "name": "passes", "request": { "patient": { "painScore": 9 } }, "expect": { "fires": [ "CLN-001" ] } },
          { "name": "wrong severity and items", "request": { "plan": { "items": [
              { "technique": "effleurage", "region": "legs", "pressure": "light" },
              { "technique": "petrissage", "region": "chest", "pressure": "firm" } ] } },
            "expect": { "fires": [ { "rule": "CLN-002", "items": [0], "severity": "contraindicated" } ], "silent": [ "ASM-008" ] } }
        ] }
        """;

    [Fact]
    public void Passing_scenarios_give_a_table_of_results_the_coverage_and_exit_0()
    {
        using var folder = ScenarioFiles.Folder(("s.json", Passing));

        var (exit, stdout, stderr) = CliRunner.Run(["rules", "test", folder.Path("s.json")]);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().Contain($"pass  {folder.Path("s.json")}  high pain asks for review")
            .And.Contain($"pass  {folder.Path("s.json")}  light chest work is left alone")
            .And.Contain("2 scenarios in 1 file on knowledge base")
            .And.Contain("with the clinic rule file 'Example clinic")
            .And.Contain("2 passed, 0 failed");
    }

    [Fact]
    public void A_failing_scenario_shows_each_difference_and_the_assessment_and_exits_1()
    {
        using var folder = ScenarioFiles.Folder(("s.json", Failing));

        var (exit, stdout, stderr) = CliRunner.Run(["rules", "test", folder.Path("s.json")]);

        exit.Should().Be(1);
        stderr.Should().BeEmpty();
        stdout.Should().Contain($"pass  {folder.Path("s.json")}  passes")
            .And.Contain($"FAIL  {folder.Path("s.json")}  wrong severity and items")
            .And.Contain("- CLN-002 should fire on item 0: it fired on item 1")
            .And.Contain("- CLN-002 should be contraindicated: it is warning")
            .And.Contain("- ASM-008 should stay silent: it fired (info)")
            .And.Contain("the assessment: decision proceedWithModifications")
            .And.Contain("CLN-002 warning, item 1: ")
            .And.Contain("1 passed, 1 failed");
    }

    [Fact]
    public void The_same_files_give_the_same_output_byte_for_byte()
    {
        using var folder = ScenarioFiles.Folder(("s.json", Failing));

        var first = CliRunner.Run(["rules", "test", folder.Path("s.json"), "--format", "junit"]);
        var second = CliRunner.Run(["rules", "test", folder.Path("s.json"), "--format", "junit"]);

        second.Should().Be(first);
    }

    [Fact]
    public void An_invalid_scenario_file_exits_2_naming_every_problem_with_its_path_and_prints_nothing()
    {
        using var folder = ScenarioFiles.Folder(("bad.json", """
            { "base": "gentle-plan.json", "scenarios": [
              { "name": "a", "request": { "plan": { "items": [ { "technique": "effleurage", "region": "chest", "pressure": "hard" } ] } },
                "expect": { "decison": "proceed" } },
              { "name": "a", "request": 7, "expect": { "fires": [ { "rule": "ASM-001", "items": [3] } ] } }
            ] }
            """));

        var (exit, stdout, stderr) = CliRunner.Run(["rules", "test", folder.Path("bad.json")]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("error: the scenarios cannot be used (")
            .And.Contain($"{folder.Path("bad.json")}: $.scenarios[0].request.plan.items[0].pressure: 'hard' is not an allowed value")
            .And.Contain("$.scenarios[0].expect.decison: unknown field; did you mean 'decision'?")
            .And.Contain("$.scenarios[1].name: 'a' is the name of another scenario ($.scenarios[0])")
            .And.Contain("$.scenarios[1].request: must be a request (an object) or the path of a request file, not a number");
        stderr.Should().NotContain("   at ", "bad input never gives a stack trace");
    }

    [Fact]
    public void An_unknown_rule_code_exits_2_naming_it_its_path_and_the_nearest_code()
    {
        using var folder = ScenarioFiles.Folder(("s.json", """
            { "rules": "clinic-rules.json", "scenarios": [
              { "name": "typo", "request": "gentle-plan.json", "expect": { "fires": [ "CLN-01" ], "silent": [ "ASM-999" ] } }
            ] }
            """));

        var (exit, stdout, stderr) = CliRunner.Run(["rules", "test", folder.Path("s.json")]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("$.scenarios[0].expect.fires[0]: 'CLN-01' is not a rule of knowledge base")
            .And.Contain("did you mean 'CLN-001'?")
            .And.Contain("$.scenarios[0].expect.silent[0]: 'ASM-999' is not a rule of");
    }

    [Fact]
    public void A_request_file_that_does_not_validate_is_named_with_the_scenario_path_and_the_file()
    {
        using var folder = ScenarioFiles.Folder(
            ("bad-request.json", """{ "patient": { "painScore": 11 }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }"""),
            ("s.json", """{ "scenarios": [ { "name": "x", "request": "bad-request.json", "expect": { "decision": "proceed" } } ] }"""));

        var (exit, _, stderr) = CliRunner.Run(["rules", "test", folder.Path("s.json")]);

        exit.Should().Be(2);
        stderr.Should().Contain("$.scenarios[0].request.patient.painScore:").And.Contain("(in the request file 'bad-request.json')");
    }

    [Fact]
    public void A_scenario_file_that_cannot_be_read_exits_1()
    {
        using var folder = ScenarioFiles.Folder();

        var (exit, stdout, stderr) = CliRunner.Run(["rules", "test", folder.Path("missing.json")]);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("error: cannot read a scenario file:");
    }

    [Fact]
    public void A_clinic_rule_file_with_problems_exits_2_as_rules_check_does()
    {
        using var folder = ScenarioFiles.Folder(
            ("broken-rules.json", ClinicRuleFiles.WithRule("patient.GetType() != null")),
            ("s.json", Passing));

        var (exit, stdout, stderr) = CliRunner.Run(["rules", "test", folder.Path("s.json"), "--rules", folder.Path("broken-rules.json")]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("cannot be used");
    }

    [Fact]
    public void The_rules_option_takes_the_place_of_the_rule_file_the_scenarios_name()
    {
        // The same scenarios on a version of the clinic file whose pain rule is a warning: the severity check now fails.
        using var folder = ScenarioFiles.Folder(
            ("draft-rules.json", ClinicRuleFiles.Alter(root => root["workflow"]!["Rules"]![0]!["Properties"]!["severity"] = "warning")),
            ("s.json", Passing));

        var (exit, stdout, _) = CliRunner.Run(["rules", "test", folder.Path("s.json"), "--rules", folder.Path("draft-rules.json")]);

        exit.Should().Be(1);
        stdout.Should().Contain("- CLN-001 should be caution: it is warning");
    }

    [Fact]
    public void Files_that_name_different_rule_files_are_refused()
    {
        using var folder = ScenarioFiles.Folder(
            ("other-rules.json", ClinicRuleFiles.Example),
            ("a.json", Passing),
            ("b.json", Passing.Replace("\"clinic-rules.json\"", "\"other-rules.json\"", StringComparison.Ordinal)));

        var (exit, _, stderr) = CliRunner.Run(["rules", "test", folder.Path("a.json"), folder.Path("b.json")]);

        exit.Should().Be(2);
        stderr.Should().Contain($"{folder.Path("b.json")}: $.rules: names the rule file 'other-rules.json', but");
    }

    [Fact]
    public void The_coverage_names_each_rule_never_fired_and_each_never_kept_silent()
    {
        using var folder = ScenarioFiles.Folder(("s.json", """
            { "rules": "clinic-rules.json", "base": "gentle-plan.json", "scenarios": [
              { "name": "high pain", "request": { "patient": { "painScore": 8 } }, "expect": { "fires": [ "CLN-001" ] } }
            ] }
            """));

        var (exit, stdout, _) = CliRunner.Run(["rules", "test", folder.Path("s.json")]);

        exit.Should().Be(0, "coverage is reported, not enforced");
        stdout.Should().Contain("coverage of the 2 clinic rules: 1 fired by a scenario, 0 kept silent by one")
            .And.Contain("  never fired: CLN-002\n")
            .And.Contain("  never kept silent: CLN-001, CLN-002\n");
    }

    [Fact]
    public void Require_coverage_fails_a_run_whose_scenarios_leave_a_rule_unfired_or_never_silent_and_passes_a_complete_one()
    {
        using var folder = ScenarioFiles.Folder(("s.json", Passing));

        var (partialExit, partialOut, partialErr) = CliRunner.Run(["rules", "test", folder.Path("s.json"), "--require-coverage"]);
        var (builtInExit, builtInOut, builtInErr) = CliRunner.Run(
            ["rules", "test", .. Directory.GetFiles(RepositoryFiles.Path("tests", "scenarios"), "*.json").Order(StringComparer.Ordinal), "--require-coverage"]);

        partialExit.Should().Be(1);
        partialOut.Should().Contain("2 passed, 0 failed").And.Contain("  never fired: CLN-002\n");
        partialErr.Should().Be("error: --require-coverage: 1 rule(s) fired by no scenario, 1 kept silent by none\n");
        builtInExit.Should().Be(0, builtInOut + builtInErr);
        builtInErr.Should().BeEmpty();
        builtInOut.Should().Contain("every rule is fired by a scenario and kept silent by one");
    }

    [Fact]
    public void Without_a_clinic_file_the_coverage_is_of_the_built_in_rules()
    {
        using var folder = ScenarioFiles.Folder(("s.json", """
            { "scenarios": [ { "name": "gentle", "request": "gentle-plan.json", "expect": { "fires": [ "ASM-008" ], "silent": [ "ASM-001" ] } } ] }
            """));

        var (exit, stdout, _) = CliRunner.Run(["rules", "test", folder.Path("s.json")]);

        exit.Should().Be(0);
        stdout.Should().Contain($"coverage of the {AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.ActiveRules.Count} built-in rules: 1 fired by a scenario, 1 kept silent by one");
    }

    [Fact]
    public void Junit_output_has_a_suite_per_file_a_case_per_scenario_and_the_failures()
    {
        using var folder = ScenarioFiles.Folder(("s.json", Failing));

        var (exit, stdout, _) = CliRunner.Run(["rules", "test", folder.Path("s.json"), "--format", "junit"]);

        exit.Should().Be(1);
        var xml = XDocument.Parse(stdout);
        var suites = xml.Root!;
        suites.Name.LocalName.Should().Be("testsuites");
        ((string?)suites.Attribute("tests")).Should().Be("2");
        ((string?)suites.Attribute("failures")).Should().Be("1");
        var suite = suites.Elements("testsuite").First();
        ((string?)suite.Attribute("name")).Should().Be(folder.Path("s.json"));
        var cases = suite.Elements("testcase").ToList();
        cases.Select(c => (string?)c.Attribute("name")).Should().Equal("passes", "wrong severity and items");
        cases[0].Element("failure").Should().BeNull();
        var failure = cases[1].Element("failure")!;
        ((string?)failure.Attribute("message")).Should().Be("CLN-002 should fire on item 0: it fired on item 1");
        failure.Value.Should().Contain("CLN-002 should be contraindicated: it is warning").And.Contain("the assessment: decision");
        suites.Elements("testsuite").Last().Element("system-out")!.Value.Should().Contain("coverage of the 2 clinic rules");
    }

    [Fact]
    public void The_help_lists_the_test_command()
    {
        var (exit, stdout, _) = CliRunner.Run(["rules", "--help"]);

        exit.Should().Be(0);
        stdout.Should().Contain("test").And.Contain("Run scenario files");
    }
}
