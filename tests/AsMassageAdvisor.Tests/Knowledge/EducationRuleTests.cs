using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The advice that informs rather than changes the plan, plus the medication caution: the reminders given with
/// every plan (ASM-008, which also carries the retired ASM-024's note), deep-tissue notes (ASM-018, ASM-019), medication (ASM-020), lifestyle (ASM-021,
/// ASM-022, ASM-023) and stable disease (ASM-025, ASM-026).
/// </summary>
public sealed class EducationRuleTests
{
    private static readonly PlanItem DeepTissueOnLegs = new(Technique.DeepTissue, BodyRegion.Legs, Pressure.Moderate);

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

    // ---- ASM-018: deep tissue to reduce inflammation ----

    [Fact]
    [Trait("Rule", "ASM-018")]
    public void Deep_tissue_work_aimed_at_inflammation_gets_the_note_that_it_does_not_lower_it()
    {
        var scenario = Scenario.Safe.WithGoals(SessionGoal.ReduceInflammation).WithItems(Scenario.GentleItem, DeepTissueOnLegs);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-018", [1], "goals: reduceInflammation", "item 1: deepTissue on legs, moderate pressure");
    }

    [Fact]
    [Trait("Rule", "ASM-018")]
    public void Deep_tissue_work_aimed_at_pain_gets_no_inflammation_note()
    {
        var scenario = Scenario.Safe.WithGoals(SessionGoal.ReducePain).WithItems(Scenario.GentleItem, DeepTissueOnLegs);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-018");
    }

    [Fact]
    [Trait("Rule", "ASM-018")]
    public void Gentle_work_aimed_at_inflammation_gets_no_deep_tissue_note()
    {
        var scenario = Scenario.Safe.WithGoals(SessionGoal.ReduceInflammation).WithItems(Scenario.GentleItem, Scenario.GentleItem);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-018");
    }

    // ---- ASM-019: a gentler massage may do as well ----

    [Fact]
    [Trait("Rule", "ASM-019")]
    public void Deep_tissue_work_by_a_therapist_gets_the_note_that_lighter_massage_may_help_as_much()
    {
        var scenario = Scenario.Safe.WithItems(Scenario.GentleItem, DeepTissueOnLegs);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-019", [1], "administered by: licensedTherapist", "item 1: deepTissue on legs*");
    }

    [Fact]
    [Trait("Rule", "ASM-019")]
    public void Moderate_kneading_by_a_therapist_gets_no_deep_tissue_note()
    {
        var scenario = Scenario.Safe.WithItems(Scenario.GentleItem, DeepTissueOnLegs with { Technique = Technique.Petrissage });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-019");
    }

    [Fact]
    [Trait("Rule", "ASM-019")]
    [Trait("Rule", "ASM-016")]
    public void Deep_tissue_self_massage_gets_the_self_massage_warning_instead_of_the_note()
    {
        var scenario = Scenario.Safe.AdministeredBy(Administrator.Self).WithItems(Scenario.GentleItem, DeepTissueOnLegs);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-019");
        assessment.ShouldFireFor("ASM-016", [1], "administered by: self");
    }

    // ---- ASM-020: reducing medication ----

    [Fact]
    [Trait("Rule", "ASM-020")]
    public void A_goal_of_cutting_medication_is_a_caution_to_keep_it_with_the_prescriber()
    {
        var scenario = Scenario.Safe.WithGoals(SessionGoal.Relaxation, SessionGoal.ReduceMedication);

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-020", "goals: relaxation, reduceMedication");
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    [Fact]
    [Trait("Rule", "ASM-020")]
    public void A_goal_of_relaxation_alone_gets_no_medication_caution()
    {
        var scenario = Scenario.Safe.WithGoals(SessionGoal.Relaxation);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-020");
    }

    // ---- ASM-021, ASM-023: lifestyle ----

    [Theory]
    [Trait("Rule", "ASM-021")]
    [InlineData(Answer.Yes, true)]
    [InlineData(Answer.No, false)]
    [InlineData(Answer.Unknown, false)]
    public void Only_a_smoker_gets_the_note_on_smoking_and_flares(Answer smoker, bool noted)
    {
        var assessment = Scenario.Safe.WithPatient(p => p with { Smoker = smoker }).Assess();

        if (noted)
        {
            assessment.ShouldFire("ASM-021", "smoker: yes");
        }
        else
        {
            assessment.ShouldNotFire("ASM-021");
        }
    }

    [Theory]
    [Trait("Rule", "ASM-023")]
    [InlineData(Answer.Yes, true)]
    [InlineData(Answer.No, false)]
    [InlineData(Answer.Unknown, false)]
    public void Only_a_diet_high_in_fried_or_sugary_food_gets_the_diet_note(Answer diet, bool noted)
    {
        var assessment = Scenario.Safe.WithPatient(p => p with { DietHighInFriedOrSugaryFoods = diet }).Assess();

        if (noted)
        {
            assessment.ShouldFire("ASM-023", "diet high in fried or sugary foods: yes");
        }
        else
        {
            assessment.ShouldNotFire("ASM-023");
        }
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

    [Fact]
    [Trait("Rule", "ASM-022")]
    public void The_fused_regions_are_named_in_the_ankylosis_trigger()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with
        {
            Ankylosis = AnkylosisStatus.Present,
            AnkylosedRegions = [BodyRegion.Lumbar, BodyRegion.Sacroiliac],
        });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-022", "ankylosis: present (fused: lumbar, sacroiliac)");
    }

    // ---- ASM-025: gentle massage in stable disease ----

    [Fact]
    [Trait("Rule", "ASM-025")]
    public void A_gentle_plan_in_stable_disease_without_ankylosis_gets_the_note_that_it_may_ease_stiffness()
    {
        var scenario = Scenario.Safe.WithItems(
            Scenario.GentleItem,
            new PlanItem(Technique.Petrissage, BodyRegion.Lumbar, Pressure.Moderate),
            new PlanItem(Technique.Vibration, BodyRegion.Thoracic, Pressure.Light));

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-025", "disease activity: stable", "ankylosis: absent", "plan: 3 items");
    }

    [Fact]
    [Trait("Rule", "ASM-025")]
    public void One_item_that_is_not_gentle_withholds_the_gentle_plan_note()
    {
        var scenario = Scenario.Safe.WithItems(
            Scenario.GentleItem,
            new PlanItem(Technique.Tapotement, BodyRegion.Lumbar, Pressure.Moderate),
            new PlanItem(Technique.Vibration, BodyRegion.Thoracic, Pressure.Light));

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-025");
    }

    [Theory]
    [Trait("Rule", "ASM-025")]
    [InlineData(DiseaseActivity.Flare, AnkylosisStatus.Absent)]
    [InlineData(DiseaseActivity.Unknown, AnkylosisStatus.Absent)]
    [InlineData(DiseaseActivity.Stable, AnkylosisStatus.Present)]
    [InlineData(DiseaseActivity.Stable, AnkylosisStatus.Unknown)]
    public void The_gentle_plan_note_needs_known_stable_disease_and_known_absence_of_ankylosis(DiseaseActivity activity, AnkylosisStatus ankylosis)
    {
        var scenario = Scenario.Safe.WithDiseaseActivity(activity).WithAnkylosis(ankylosis);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-025");
    }

    [Theory]
    [Trait("Rule", "ASM-025")]
    [InlineData(Pressure.Unknown, false)]
    [InlineData(Pressure.Light, true)]
    [InlineData(Pressure.Moderate, true)]
    [InlineData(Pressure.Firm, false)]
    [InlineData(Pressure.Extreme, false)]
    public void Only_light_or_moderate_pressure_counts_as_gentle(Pressure pressure, bool noted)
    {
        var assessment = Scenario.Safe.WithItem(Technique.Vibration, BodyRegion.Shoulders, pressure).Assess();

        if (noted)
        {
            assessment.ShouldFire("ASM-025", "disease activity: stable", "plan: 1 item");
        }
        else
        {
            assessment.ShouldNotFire("ASM-025");
        }
    }

    // ---- ASM-026: usual care in stable disease ----

    [Theory]
    [Trait("Rule", "ASM-026")]
    [InlineData(DiseaseActivity.Stable, true)]
    [InlineData(DiseaseActivity.Flare, false)]
    [InlineData(DiseaseActivity.Unknown, false)]
    public void Only_stable_disease_gets_the_note_on_physical_therapy_and_nsaids(DiseaseActivity activity, bool noted)
    {
        var assessment = Scenario.Safe.WithDiseaseActivity(activity).Assess();

        if (noted)
        {
            assessment.ShouldFire("ASM-026", "disease activity: stable");
        }
        else
        {
            assessment.ShouldNotFire("ASM-026");
        }
    }

    private static string PlanSize(Scenario scenario) =>
        scenario.Plan.Items.Count == 1 ? "plan: 1 item" : $"plan: {scenario.Plan.Items.Count} items";
}
