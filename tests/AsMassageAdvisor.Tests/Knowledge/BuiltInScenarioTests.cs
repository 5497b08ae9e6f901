using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The built-in rules' fire and silent cases, written as scenario files in tests/scenarios and run by the same code as
/// <c>rules test</c>: one test case per scenario. The per-rule test classes keep what a scenario file cannot say
/// (tables over every region or technique, the basis and wording of advisories, unknown facts, explanations).
/// </summary>
public sealed class BuiltInScenarioTests
{
    public static TheoryData<string, string> Scenarios
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var scenario in ScenarioFiles.Suite.Scenarios)
            {
                data.Add(Path.GetFileName(scenario.File), scenario.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_holds(string file, string name)
    {
        var scenario = ScenarioFiles.Suite.Scenarios.Single(s => Path.GetFileName(s.File) == file && s.Name == name);

        ScenarioFiles.Suite.Run(scenario).ShouldPass();
    }

    [Fact]
    public void Every_built_in_rule_is_fired_by_a_scenario_and_kept_silent_by_one()
    {
        var coverage = ScenarioFiles.Suite.Run().Coverage;

        coverage.ClinicRules.Should().BeFalse();
        coverage.Rules.Should().BeEquivalentTo(AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.ActiveRules.Select(r => r.Code));
        coverage.NeverFired.Should().BeEmpty("every rule needs a scenario that fires it");
        coverage.NeverKeptSilent.Should().BeEmpty("every rule needs a scenario that keeps it silent");
    }

    // A scenario checks an advisory's severity, items and triggers; what every advisory of a rule shares (its scope,
    // requirements and citations, written down by hand in ExpectedRules) is checked here once per rule.
    [Fact]
    public void Every_active_rule_has_the_severity_scope_requirements_and_citations_written_down()
    {
        foreach (var rule in AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.ActiveRules)
        {
            var expected = ExpectedRules.Of(rule.Code);

            rule.Severity.Should().Be(expected.Severity, rule.Code);
            (rule.Scope == AsMassageAdvisor.Knowledge.RuleScope.Item).Should().Be(expected.PerItem, rule.Code);
            rule.Requirements.Should().Equal(expected.Requirements, rule.Code);
            rule.Citations.Select(c => (c.Source, c.Section)).Should().Equal(expected.Citations, rule.Code);
        }
    }

    [Fact]
    public void The_runner_reports_full_coverage_of_the_built_in_rules_and_exit_0()
    {
        var (exit, stdout, stderr) = CliRunner.Run(["rules", "test", .. ScenarioFiles.BuiltIn]);

        stderr.Should().BeEmpty();
        exit.Should().Be(0);
        stdout.Should().Contain($"{ScenarioFiles.Suite.Scenarios.Count()} scenarios in {ScenarioFiles.BuiltIn.Count} files on the built-in knowledge base")
            .And.Contain(", 0 failed")
            .And.Contain("every rule is fired by a scenario and kept silent by one")
            .And.NotContain("FAIL");
    }

    [Fact]
    public void The_example_clinic_scenarios_pass_and_cover_the_example_clinic_rules()
    {
        var run = AsMassageAdvisor.Testing.ScenarioSuite.Load([RepositoryFiles.Path("docs", "examples", "clinic-scenarios.json")]).Run();

        run.ShouldPass();
        run.Coverage.ClinicRules.Should().BeTrue();
        run.Coverage.Rules.Should().Equal("CLN-001", "CLN-002");
        run.Coverage.IsComplete.Should().BeTrue();
    }
}
