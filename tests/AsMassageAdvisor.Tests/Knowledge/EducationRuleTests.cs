using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The advice that informs rather than changes the plan, plus the medication caution: the reminders given with
/// every plan (ASM-008, which also carries the retired ASM-024's note), deep-tissue notes (ASM-018, ASM-019), medication (ASM-020), lifestyle (ASM-021,
/// ASM-022, ASM-023) and stable disease (ASM-025, ASM-026).
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/education.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class EducationRuleTests
{
    [Fact]
    [Trait("Rule", "ASM-008")]
    [Trait("Rule", "ASM-025")]
    [Trait("Rule", "ASM-026")]
    public void The_safe_baseline_gets_only_its_three_information_notes_and_proceeds()
    {
        var assessment = Scenario.Safe.Assess();

        assessment.Advisories.Select(a => a.Code).Should().Equal(Scenario.SafeBaselineCodes);
        assessment.Advisories.Should().OnlyContain(a => a.Severity == Severity.Info);
        assessment.Decision.Should().Be(Decision.Proceed);
    }

    // ---- ASM-008: always given (since 2.0.0 with the note that was ASM-024) ----

    private static readonly Dictionary<string, Scenario> VariedPlans = new(StringComparer.Ordinal)
    {
        ["the safe baseline"] = Scenario.Safe,
        ["neck manipulation with ankylosis"] = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Present).WithItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Firm),
        ["nothing known at all"] = new Scenario(new PatientStatus(), new SessionPlan { Items = [new PlanItem(Technique.Friction, BodyRegion.Thoracic)] }),
        ["three gentle items"] = Scenario.Safe.WithItems(Scenario.GentleItem, Scenario.GentleItem, Scenario.GentleItem),
    };

    public static TheoryData<string> VariedPlanNames => new(VariedPlans.Keys);

    [Fact]
    [Trait("Rule", "ASM-008")]
    [Trait("Rule", "ASM-021")]
    [Trait("Rule", "ASM-022")]
    [Trait("Rule", "ASM-026")]
    public void A_stop_answer_carries_no_session_reminder_usual_care_balance_or_lifestyle_note_and_explain_says_they_were_withheld()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with
        {
            NeurologicalSymptoms = [NeurologicalSymptom.ProgressiveWeakness],
            Ankylosis = AnkylosisStatus.Present,
            Smoker = Answer.Yes,
            DietHighInFriedOrSugaryFoods = Answer.Yes,
        });

        var explanation = new Advisor().Explain(scenario.Request);

        explanation.Assessment.Decision.Should().Be(Decision.DoNotProceed);
        explanation.Assessment.Advisories.Select(a => a.Code).Should().Equal("ASM-017");
        foreach (var code in new[] { "ASM-008", "ASM-021", "ASM-022", "ASM-023", "ASM-026" })
        {
            explanation.Rules.Single(r => r.Code == code).Reason.Should().Contain("withheld", code);
        }
    }

    [Theory]
    [Trait("Rule", "ASM-008")]
    [MemberData(nameof(VariedPlanNames))]
    public void Every_plan_carries_the_reminder_to_stop_what_hurts(string plan)
    {
        var scenario = VariedPlans[plan];

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-008", PlanSize(scenario));
    }

    [Theory]
    [Trait("Rule", "ASM-008")]
    [MemberData(nameof(VariedPlanNames))]
    public void Every_plan_carries_the_note_that_massage_complements_usual_care(string plan)
    {
        var scenario = VariedPlans[plan];

        var assessment = scenario.Assess();

        var note = assessment.Advisories.Should().ContainSingle(a => a.Code == "ASM-008").Which;
        note.Requirements.Should().Equal("K07", "K23");
        note.Message.Should().Contain("complements usual medical care").And.Contain("small studies");
    }

    [Fact]
    [Trait("Rule", "ASM-024")]
    public void The_retired_usual_care_note_is_never_given_on_its_own_and_says_where_its_advice_went()
    {
        var retired = AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.Rules.Single(r => r.Code == "ASM-024");

        retired.Status.Should().Be(AsMassageAdvisor.Knowledge.RuleStatus.Expired);
        retired.When.Should().Contain("ASM-008");
        foreach (var scenario in VariedPlans.Values)
        {
            scenario.Assess().ShouldNotFire("ASM-024");
        }
    }

    // This rule applies to every plan, so no fact can silence them; the nearest case without them is a
    // request the advisor refuses before assessing anything.
    [Fact]
    [Trait("Rule", "ASM-024")]
    public void The_retired_usual_care_note_still_fires_where_a_caller_chooses_to_run_expired_rules()
    {
        var withRetired = AsMassageAdvisor.Knowledge.KnowledgeBase.Load(
            Support.TestKnowledge.RulesJson,
            Support.TestKnowledge.SourcesJson,
            [AsMassageAdvisor.Knowledge.RuleStatus.Production, AsMassageAdvisor.Knowledge.RuleStatus.Expired]);

        var assessment = new Advisor(withRetired).Assess(Scenario.Safe.Request);

        assessment.ShouldFire("ASM-024", "plan: 1 item");
    }

    [Fact]
    [Trait("Rule", "ASM-008")]
    public void A_plan_without_items_is_refused_and_gets_no_advice_at_all()
    {
        var scenario = Scenario.Safe.WithItems();

        var assess = () => scenario.Assess();

        assess.Should().Throw<InvalidRequestException>();
    }

    // ---- ASM-022: advanced disease ----

    [Theory]
    [Trait("Rule", "ASM-022")]
    [InlineData(AnkylosisStatus.Present, true)]
    [InlineData(AnkylosisStatus.Absent, false)]
    [InlineData(AnkylosisStatus.Unknown, false)]
    public void Only_known_ankylosis_gets_the_note_on_falls_and_high_impact_exercise(AnkylosisStatus ankylosis, bool noted)
    {
        var assessment = Scenario.Safe.WithAnkylosis(ankylosis).Assess();

        if (noted)
        {
            assessment.ShouldFire("ASM-022", "ankylosis: present");
            assessment.Decision.Should().Be(Decision.Proceed, "the note is information only");
        }
        else
        {
            assessment.ShouldNotFire("ASM-022");
        }
    }

    // ---- ASM-026: usual care in stable disease ----

    private static string PlanSize(Scenario scenario) =>
        scenario.Plan.Items.Count == 1 ? "plan: 1 item" : $"plan: {scenario.Plan.Items.Count} items";
}
