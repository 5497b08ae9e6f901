using System.Text.Json.Nodes;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>A clinic's own rule file: loaded on top of the built-in rules, adding advice and never taking any away.</summary>
public sealed class ClinicRulesTests
{
    private static readonly KnowledgeBase WithExample = KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.Example);

    [Fact]
    public void The_example_file_adds_its_rules_requirements_and_sources_to_the_built_in_ones()
    {
        WithExample.Rules.Select(r => r.Code).Should().Equal(KnowledgeBase.BuiltIn.Rules.Select(r => r.Code).Append("CLN-001").Append("CLN-002"));
        WithExample.Requirements.Select(q => q.Id).Should().Contain(["C01", "C02", "K01"]);
        WithExample.GetSource("C1").Label.Should().StartWith("Example Clinic.");
        WithExample.Identity.Version.Should().Be(KnowledgeBase.BuiltIn.Identity.Version);
        WithExample.Identity.Sha256.Should().Be(KnowledgeBase.BuiltIn.Identity.Sha256);
        WithExample.Identity.ClinicRules.Should().BeEquivalentTo(new
        {
            Name = "Example clinic: house rules for massage in inflammatory back disease",
            Version = "2026.1",
        });
        WithExample.Identity.ClinicRules!.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        KnowledgeBase.BuiltIn.Identity.ClinicRules.Should().BeNull("the built-in knowledge base is unchanged");
    }

    [Fact]
    public void A_clinic_patient_rule_fires_with_its_own_citation_and_triggers()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { PainScore = 8 });

        var assessment = new Advisor(WithExample).Assess(scenario.Request);

        var advisory = assessment.Advisories.Should().ContainSingle(a => a.Code == "CLN-001").Subject;
        advisory.Severity.Should().Be(Severity.Caution);
        advisory.Requirements.Should().Equal("C01");
        advisory.Triggers.Should().Equal("pain score: 8 of 10");
        advisory.Citations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Source = "C1", Section = "Pain review" });
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
        assessment.KnowledgeBase.ClinicRules!.Version.Should().Be("2026.1");
    }

    [Fact]
    public void A_clinic_rule_treats_an_unrecorded_fact_as_its_author_wrote_it()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { PainScore = null });

        var advisory = new Advisor(WithExample).Assess(scenario.Request).Advisories.Single(a => a.Code == "CLN-001");

        advisory.Triggers.Should().Equal("pain score: not recorded (unknown)");
    }

    [Fact]
    public void Clinic_rules_stay_silent_when_their_condition_does_not_hold()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { PainScore = 3 }).WithItem(Technique.Effleurage, BodyRegion.Chest, Pressure.Light);

        var assessment = new Advisor(WithExample).Assess(scenario.Request);

        assessment.Advisories.Should().NotContain(a => a.Code.StartsWith("CLN-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clinic_item_rule_names_the_item()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { PainScore = 3 })
            .WithItems(Scenario.GentleItem, new PlanItem(Technique.Petrissage, BodyRegion.Chest, Pressure.Moderate));

        var advisory = new Advisor(WithExample).Assess(scenario.Request).Advisories.Single(a => a.Code == "CLN-002");

        advisory.Items.Should().Equal(1);
        advisory.Severity.Should().Be(Severity.Warning);
        advisory.Triggers.Should().Equal("item 1: petrissage on chest, moderate pressure");
    }

    private static readonly HashSet<string> WithheldAbove =
        KnowledgeBase.BuiltIn.Rules.Where(r => r.SilentAbove is not null).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Only_notes_beside_a_stop_and_item_advice_below_a_contraindication_can_be_withheld()
    {
        // Beside a stop: the session notes; on a contraindicated item: the item's other advice; ASM-025 and ASM-029 above caution.
        var withheld = KnowledgeBase.BuiltIn.Rules.Where(r => r.SilentAbove is not null).ToList();

        withheld.Where(r => r.SilentAbove == Severity.Contraindicated).Select(r => r.Code)
            .Should().BeEquivalentTo(["ASM-008", "ASM-021", "ASM-022", "ASM-023", "ASM-026"]);
        withheld.Where(r => r.SilentAbove == Severity.Caution).Select(r => r.Code).Should().BeEquivalentTo(["ASM-025", "ASM-029"]);
        withheld.Where(r => r.SilentAbove == Severity.Warning).Should().OnlyContain(r => r.Scope == RuleScope.Item && r.Severity <= Severity.Warning);
        KnowledgeBase.BuiltIn.ActiveRules.Where(r => r.Severity >= Severity.Contraindicated).Should().OnlyContain(r => r.SilentAbove == null);
    }

    [Fact]
    public void Clinic_rules_never_remove_or_soften_a_built_in_advisory()
    {
        // A file written to try: an "all clear" info rule on everything, plus a rule that throws whenever
        // the pain score is missing (it passes the load-time warm-up, which gives one).
        var file = ClinicRuleFiles.Alter(root =>
        {
            var rules = root["workflow"]!["Rules"]!.AsArray();
            rules[0]!["Expression"] = "true";
            rules[0]!["Properties"]!["severity"] = "info";
            rules[1]!["Expression"] = "patient.PainScore.Value > 100 && item.Region == BodyRegion.Chest";
            rules[1]!["Properties"]!["severity"] = "info";
        });
        var builtIn = new Advisor();
        var combined = new Advisor(KnowledgeBase.BuiltIn.WithClinicRules(file));
        var withoutPainScore = 0;

        foreach (var request in RandomRequests.Generate(seed: 5150, count: 2000))
        {
            var alone = builtIn.Assess(request);
            var together = combined.Assess(request);

            // The notes withheld beside stronger advice (a benefit note, "check during this item") may give way to a
            // clinic's stricter advisory too; every other built-in advisory stays exactly as it was.
            together.Advisories.Where(a => a.Code.StartsWith("ASM-", StringComparison.Ordinal) && !WithheldAbove.Contains(a.Code))
                .Should().BeEquivalentTo(alone.Advisories.Where(a => !WithheldAbove.Contains(a.Code)), o => o.WithStrictOrdering());
            together.Advisories.Select(a => a.Code).Where(WithheldAbove.Contains).Should().BeSubsetOf(alone.Advisories.Select(a => a.Code));
            ((int)together.Decision).Should().BeGreaterThanOrEqualTo((int)alone.Decision);
            together.Advisories.Should().Contain(a => a.Code == "CLN-001");
            if (request.Patient.PainScore is null)
            {
                withoutPainScore++;
                together.Advisories.Should().Contain(a => a.Code == "CLN-002" && a.Indeterminate && a.Severity >= Severity.Warning, "a clinic rule that throws is reported, not skipped");
                together.Decision.Should().NotBe(Decision.Proceed);
            }
        }

        withoutPainScore.Should().BePositive();
    }

    [Fact]
    public void A_clinic_file_may_not_use_the_library_code_prefix_or_reuse_built_in_ids()
    {
        var file = ClinicRuleFiles.Alter(root =>
        {
            var rule = root["workflow"]!["Rules"]![0]!;
            rule["RuleName"] = "ASM-001";
            rule["Properties"]!["code"] = "ASM-001";
            var second = root["workflow"]!["Rules"]![1]!;
            second["Properties"]!["requirements"] = new JsonArray("K01");
            root["requirements"]![1]!["id"] = "K01";
            root["sources"]![0]!["id"] = "S0";
            foreach (var r in root["workflow"]!["Rules"]!.AsArray())
            {
                r!["Properties"]!["citations"]![0]!["source"] = "S0";
                r["Properties"]!["citations"]![0]!["section"] = "Risks";
            }

            root["sources"]![0]!["sections"] = new JsonArray("Risks");
        });

        var problems = FluentActions.Invoking(() => KnowledgeBase.BuiltIn.WithClinicRules(file)).Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList();

        problems.Should().Contain(p => p.StartsWith("ASM-001: codes starting with 'ASM-' belong to the built-in knowledge base", StringComparison.Ordinal))
            .And.Contain("ASM-001: a built-in rule already has this code")
            .And.Contain(p => p.StartsWith("requirements: 'K01' is a built-in requirement ID", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("sources: 'S0' is a built-in source ID", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clinic_file_is_checked_as_strictly_as_the_built_in_one()
    {
        var file = ClinicRuleFiles.Alter(root =>
        {
            root.Remove("sources");
            root["workflow"]!["Rules"]![0]!["Properties"]!["severity"] = "severe";
            root["workflow"]!["Rules"]![1]!["Properties"]!["triggers"] = new JsonArray("mood", "item");
            root["workflow"]!["Rules"]![1]!["Properties"]!["title"] = "Chest\u001b[31m";
        });

        var problems = FluentActions.Invoking(() => KnowledgeBase.BuiltIn.WithClinicRules(file)).Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList();

        problems.Should().Contain("sources: 'sources' is required")
            .And.Contain(p => p.Contains("'severe' is not allowed", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("'mood' is not a known trigger", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("title: must not contain control characters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_case_value_is_one_problem_with_a_did_you_mean()
    {
        var file = ClinicRuleFiles.Alter(root => root["workflow"]!["Rules"]![0]!["Properties"]!["severity"] = "Caution");

        var problems = FluentActions.Invoking(() => KnowledgeBase.BuiltIn.WithClinicRules(file)).Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList();

        problems.Should().ContainSingle("the requirements of a rule that could not be read are not reported as implemented by no rule")
            .Which.Should().Contain("'Caution' is not allowed (did you mean 'caution'?)");
    }

    [Fact]
    public void A_citation_of_an_unknown_source_is_one_problem()
    {
        var file = ClinicRuleFiles.Alter(root => root["workflow"]!["Rules"]![0]!["Properties"]!["citations"]![0]!["source"] = "C9");

        var problems = FluentActions.Invoking(() => KnowledgeBase.BuiltIn.WithClinicRules(file)).Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList();

        problems.Should().ContainSingle("a citation that was given is not also reported missing")
            .Which.Should().Contain("'C9' is not in the source catalogue");
    }

    [Fact]
    public void One_forbidden_call_is_one_problem_that_explains_the_allow_list_once()
    {
        var file = ClinicRuleFiles.WithRule("patient.GetType().Name == \"x\"");

        var problems = FluentActions.Invoking(() => KnowledgeBase.BuiltIn.WithClinicRules(file)).Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList();

        problems.Should().ContainSingle().Which.Should().Contain("not allowed: the method 'Object.GetType'");
        System.Text.RegularExpressions.Regex.Matches(problems[0], "rules may use").Should().ContainSingle();
    }

    [Fact]
    public void Clinic_rules_are_added_once_only()
    {
        FluentActions.Invoking(() => WithExample.WithClinicRules(ClinicRuleFiles.Example))
            .Should().Throw<InvalidOperationException>().WithMessage("*already holds the clinic rule file*");
    }

    [Fact]
    public void The_clinic_identity_is_part_of_the_assessment_json()
    {
        var json = AssessmentJson.Serialize(new Advisor(WithExample).Assess(Scenario.Safe.Request));

        json.Should().Contain("\"clinicRules\": {").And.Contain("\"version\": \"2026.1\"");
        AssessmentJson.Serialize(new Advisor().Assess(Scenario.Safe.Request)).Should().NotContain("clinicRules");
    }
}
