using System.Text.Json.Nodes;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Testing;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Testing;

/// <summary>Reading scenario files: what they say, and every problem named with its path.</summary>
public sealed class ScenarioFileTests
{
    [Fact]
    public void A_file_is_read_with_its_rule_file_base_changes_and_expectations()
    {
        var file = ScenarioFile.Load(RepositoryFiles.Path("docs", "examples", "clinic-scenarios.json"));

        file.RulesPath.Should().Be("clinic-rules.json");
        file.Scenarios.Should().HaveCount(5);
        var chest = file.Scenarios[3];
        chest.Request.Plan.Items.Should().Equal(new PlanItem(Technique.Effleurage, BodyRegion.Legs, Pressure.Light), new PlanItem(Technique.Petrissage, BodyRegion.Chest, Pressure.Moderate));
        chest.Request.Patient.DiseaseActivity.Should().Be(DiseaseActivity.Stable, "the base's facts stay where the scenario does not change them");
        chest.Fires.Should().ContainSingle().Which.Should().BeEquivalentTo(new ExpectedFiring
        {
            Rule = "CLN-002", Items = [1], AtLeast = Severity.Warning, Triggers = ["item 1: petrissage on chest*"],
        }, o => o.Excluding(f => f.Path));
        chest.Decision.Should().Be(Decision.ProceedWithModifications);
        chest.SaferPlanDecision.Should().Be(Decision.Proceed);
        chest.ToString().Should().Be(chest.Name);
    }

    [Fact]
    public void A_null_in_a_scenario_s_changes_removes_the_fact_which_is_then_unknown()
    {
        var file = ScenarioFile.Load(RepositoryFiles.Path("docs", "examples", "clinic-scenarios.json"));

        file.Scenarios[1].Request.Patient.PainScore.Should().BeNull();
    }

    [Fact]
    public void Changes_merge_into_the_base_as_a_json_merge_patch()
    {
        var merged = ScenarioFileReader.MergePatch(
            JsonNode.Parse("""{ "a": { "b": 1, "c": 2 }, "list": [1, 2], "gone": true }"""),
            JsonNode.Parse("""{ "a": { "c": 3 }, "list": [3], "gone": null, "new": "x" }"""));

        merged!.ToJsonString().Should().Be("""{"a":{"b":1,"c":3},"list":[3],"new":"x"}""");
    }

    [Theory]
    [InlineData("""{ "scenarios": [] }""", "$.scenarios", InputErrorCodes.Required)]
    [InlineData("""{ }""", "$.scenarios", InputErrorCodes.Required)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "expect": {} } ] }""", "$.scenarios[0].expect", InputErrorCodes.Required)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "expect": { "decision": "go" } } ] }""", "$.scenarios[0].expect.decision", InputErrorCodes.NotAllowedValue)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "expect": { "fires": [ "ASM-001" ], "silent": [ "ASM-001" ] } } ] }""", "$.scenarios[0].expect.silent[0]", InputErrorCodes.Contradiction)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "expect": { "fires": [ { "rule": "ASM-001", "items": [3] } ] } } ] }""", "$.scenarios[0].expect.fires[0].items[0]", InputErrorCodes.OutOfRange)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "expect": { "fires": [ { "rule": "ASM-001", "items": [1, 0] } ] } } ] }""", "$.scenarios[0].expect.fires[0].items[1]", InputErrorCodes.InvalidValue)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "expect": { "fires": [ { "items": [0] } ] } } ] }""", "$.scenarios[0].expect.fires[0].rule", InputErrorCodes.Required)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "today": "15/12/2026", "expect": { "decision": "proceed" } } ] }""", "$.scenarios[0].today", InputErrorCodes.InvalidValue)]
    [InlineData("""{ "scenarios": [ { "name": "x", "name": "y", "request": "gentle-plan.json", "expect": { "decision": "proceed" } } ] }""", "$.scenarios[0].name", InputErrorCodes.DuplicateField)]
    [InlineData("""{ "base": "gentle-plan.json", "scenarios": [ { "name": "x", "request": { "plan": { "goals": [], "goals": [] } }, "expect": { "decision": "proceed" } } ] }""", "$.scenarios[0].request.plan.goals", InputErrorCodes.DuplicateField)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "missing.json", "expect": { "decision": "proceed" } } ] }""", "$.scenarios[0].request", InputErrorCodes.InvalidValue)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": { "patient": {}, "plan": { "items": [] } }, "expect": { "decision": "proceed" } } ] }""", "$.scenarios[0].request.plan.items", InputErrorCodes.Required)]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "gentle-plan.json", "expect": { "decision": "proceed" } } ], "extra": 1 }""", "$.extra", InputErrorCodes.UnknownField)]
    [InlineData("""{ "scenarios": [ """, "$", InputErrorCodes.InvalidJson)]
    public void A_problem_is_named_with_its_path_and_code(string json, string path, string code)
    {
        using var folder = ScenarioFiles.Folder(("s.json", json));

        var load = () => ScenarioFile.Load(folder.Path("s.json"));

        var problems = load.Should().Throw<ScenarioFileException>().Which.Problems;
        problems.Should().Contain(p => p.File == folder.Path("s.json") && p.Error.Path == path && p.Error.Code == code, string.Join("\n", problems));
    }

    [Fact]
    public void Problems_of_every_file_are_collected_before_anything_runs()
    {
        using var folder = ScenarioFiles.Folder(("a.json", "{}"), ("b.json", """{ "scenarios": 1 }"""));

        var load = () => ScenarioSuite.Load([folder.Path("a.json"), folder.Path("b.json")]);

        load.Should().Throw<ScenarioFileException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            $"{folder.Path("a.json")}: $.scenarios: is required: a scenario file holds at least one scenario",
            $"{folder.Path("b.json")}: $.scenarios: must be an array, not a number");
    }

    [Fact]
    public void Today_fixes_the_day_a_plan_without_a_session_date_is_for()
    {
        // The status was confirmed on 2026-12-01: current on 2026-12-02, due for a re-check three weeks later.
        using var folder = ScenarioFiles.Folder(("s.json", """
            { "base": "gentle-plan.json", "scenarios": [
              { "name": "next day", "today": "2026-12-02", "request": { "patient": { "statusConfirmedOn": "2026-12-01" }, "plan": { "sessionDate": null } },
                "expect": { "silent": [ "ASM-030" ] } },
              { "name": "three weeks on", "today": "2026-12-22", "request": { "patient": { "statusConfirmedOn": "2026-12-01" }, "plan": { "sessionDate": null } },
                "expect": { "fires": [ "ASM-030" ] } }
            ] }
            """));

        var run = ScenarioSuite.Load([folder.Path("s.json")]).Run();

        run.Results.Select(r => r.Scenario.Today).Should().Equal(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 22));
        run.ShouldPass();
    }

    [Fact]
    public void A_failed_run_throws_with_every_failure_and_the_assessment()
    {
        using var folder = ScenarioFiles.Folder(("s.json", """
            { "scenarios": [ { "name": "wrong", "request": "gentle-plan.json", "expect": { "decision": "doNotProceed", "fires": [ "ASM-001" ] } } ] }
            """));
        var run = ScenarioSuite.Load([folder.Path("s.json")]).Run();

        var act = run.ShouldPass;

        run.Passed.Should().BeFalse();
        act.Should().Throw<ScenarioAssertionException>().Which.Message.Should()
            .Contain("1 of 1 scenarios failed").And.Contain("scenario 'wrong' of ")
            .And.Contain("- the decision should be doNotProceed: it is proceed")
            .And.Contain("- ASM-001 should fire: it stayed silent")
            .And.Contain("the assessment: decision proceed");
    }

    [Fact]
    public void A_scenario_written_in_code_runs_on_a_suite_and_its_codes_are_checked()
    {
        var suite = new ScenarioSuite(KnowledgeBase.BuiltIn, []);
        var request = AssessmentRequestJson.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "gentle-plan.json")));

        var good = suite.Run(new RuleScenario { Name = "gentle", Request = request, Silent = ["ASM-001"], Decision = Decision.Proceed });
        var unknown = () => suite.Run(new RuleScenario { Name = "typo", Request = request, Silent = ["ASM-0001"] });

        good.Passed.Should().BeTrue();
        unknown.Should().Throw<ScenarioFileException>().Which.Problems.Single().Error.Code.Should().Be(InputErrorCodes.NotAllowedValue);
    }
}
