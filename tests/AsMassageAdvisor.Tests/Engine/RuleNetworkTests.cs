using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>The NRules rule network: derived facts, fact identity, the legacy readings of a condition, interpretation.</summary>
public sealed class RuleNetworkTests
{
    private static readonly AssessmentRequest FusedNeckByRegionOnly = new(
        new PatientStatus { AnkylosedRegions = [BodyRegion.Cervical], DiseaseActivity = DiseaseActivity.Stable },
        new SessionPlan { Items = [new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light)] });

    [Fact]
    public void Generated_requests_are_valid_and_assessable()
    {
        var advisor = new Advisor();

        var decisions = RandomRequests.Generate(seed: 7, count: 2_000).Select(r => advisor.Assess(r).Decision).Distinct();

        decisions.Should().Contain([Decision.ProceedWithCaution, Decision.ProceedWithModifications, Decision.DoNotProceed],
            "the generator reaches the decisions that need a change; 'proceed' needs every fact known, which a random draw rarely gives");
    }

    [Fact]
    public void Fused_regions_listed_without_a_status_derive_ankylosis_and_the_explanation_shows_the_chain()
    {
        var explanation = new Advisor().Explain(FusedNeckByRegionOnly);

        var manipulation = explanation.Rules.Single(r => r.Code == "ASM-001");
        manipulation.Verdict.Should().Be(RuleVerdict.Fired);
        manipulation.Reason.Should().Contain("ankylosis treated as present: the neck listed as fused");
        explanation.Rules.Single(r => r.Code == "ASM-006").Verdict.Should().Be(RuleVerdict.DidNotApply, "the spine is not merely possibly fused");
    }

    [Fact]
    public void Two_equal_items_stay_two_facts()
    {
        var item = new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light);
        var request = FusedNeckByRegionOnly with { Plan = FusedNeckByRegionOnly.Plan with { Items = [item, item with { }] } };

        var assessment = new Advisor().Assess(request);

        assessment.Advisories.Single(a => a.Code == "ASM-001").Items.Should().Equal(0, 1);
    }

    [Fact]
    public void A_clinic_condition_on_the_recorded_ankylosis_reads_the_derived_status()
    {
        // Clinic files written before the derived facts existed say patient.Ankylosis; it keeps meaning the status the
        // rules use, so that a fused region listed without a status is not silently read as "no ankylosis".
        var kb = TestKnowledge.WithExtraRule("ASM-910", "patient", "caution", "patient.Ankylosis == AnkylosisStatus.Present");

        new Advisor(kb).Assess(FusedNeckByRegionOnly).Advisories.Should().Contain(a => a.Code == "ASM-910");
    }

    [Fact]
    public void The_status_age_reads_today_when_the_plan_has_no_date()
    {
        var kb = TestKnowledge.WithExtraRule("ASM-911", "patient", "caution", "Terms.StatusAgeInDays(patient, plan) > 30");
        var request = FusedNeckByRegionOnly with { Patient = FusedNeckByRegionOnly.Patient with { StatusConfirmedOn = new DateOnly(2026, 1, 1) } };
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        var advisor = new Advisor(kb, Microsoft.Extensions.Logging.Abstractions.NullLogger<Advisor>.Instance, clock);

        advisor.Assess(request).Advisories.Should().Contain(a => a.Code == "ASM-911");
        advisor.Assess(request with { Plan = request.Plan with { SessionDate = new DateOnly(2026, 1, 10) } })
            .Advisories.Should().NotContain(a => a.Code == "ASM-911");
    }

    [Fact]
    public void Interpreted_and_compiled_networks_give_byte_identical_assessments()
    {
        var compiled = new RuleNetwork(KnowledgeBase.BuiltIn.ActiveRules, interpret: false);
        var interpreted = new RuleNetwork(KnowledgeBase.BuiltIn.ActiveRules, interpret: true);
        var differences = 0;
        foreach (var request in RandomRequests.Generate(seed: 20261204, count: 2_000))
        {
            var a = compiled.Run(request, TimeProvider.System);
            var b = interpreted.Run(request, TimeProvider.System);
            differences += Firings(a) == Firings(b) ? 0 : 1;
        }

        differences.Should().Be(0);
    }

    private static string Firings(EngineRun run) =>
        string.Join(";", run.Findings.Select(f => $"{f.Rule.Code}/{f.Item}/{f.Indeterminate}/{f.Withheld}").Order(StringComparer.Ordinal));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
