using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Advice;

/// <summary>
/// The safer plan: the plan changed as the advisories ask, assessed again by the same rules, with the changes and
/// their reasons, and the unknown facts that no change can settle.
/// </summary>
public sealed class SaferPlanTests
{
    [Fact]
    public void Manipulation_of_a_fused_neck_becomes_light_effleurage_of_the_neck_and_the_rest_is_kept_in_order()
    {
        var scenario = Scenario.FusedNeck.WithItems(
            Scenario.GentleItem,
            new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate),
            new PlanItem(Technique.Petrissage, BodyRegion.Shoulders, Pressure.Moderate));

        var plan = scenario.Assess().SaferPlan!;

        plan.Items.Should().Equal(
            Scenario.GentleItem,
            new PlanItem(Technique.Effleurage, BodyRegion.Cervical, Pressure.Light),
            new PlanItem(Technique.Petrissage, BodyRegion.Shoulders, Pressure.Moderate));
        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Should().Match<PlanChange>(c => c.Item == 1 && c.Action == ChangeAction.Replace && c.From == scenario.Plan.Items[1]);
        change.To.Should().Be(new PlanItem(Technique.Effleurage, BodyRegion.Cervical, Pressure.Light));
        change.Because.Should().Equal("ASM-001");
        plan.Decision.Should().Be(Decision.Proceed);
    }

    [Fact]
    public void A_stop_has_no_safer_plan_because_there_is_no_massage_today()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { NeurologicalSymptoms = [NeurologicalSymptom.ProgressiveWeakness] });

        var assessment = scenario.Assess();

        assessment.Decision.Should().Be(Decision.DoNotProceed);
        assessment.SaferPlan.Should().BeNull();
        AssessmentJson.Serialize(assessment).Should().Contain("\"saferPlan\": null");
    }

    [Fact]
    public void A_plan_that_needs_no_change_is_its_own_safer_plan()
    {
        var assessment = Scenario.Safe.Assess();

        assessment.SaferPlan!.Items.Should().Equal(Scenario.Safe.Plan.Items);
        assessment.SaferPlan.Changes.Should().BeEmpty();
        assessment.SaferPlan.Decision.Should().Be(assessment.Decision);
    }

    [Fact]
    public void Deep_tissue_work_in_a_flare_becomes_kneading_at_moderate_pressure()
    {
        var scenario = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Flare).WithItem(Technique.DeepTissue, BodyRegion.Legs, Pressure.Firm);

        var change = scenario.Assess().SaferPlan!.Changes.Should().ContainSingle().Subject;

        change.Action.Should().Be(ChangeAction.Replace);
        change.To.Should().Be(new PlanItem(Technique.Petrissage, BodyRegion.Legs, Pressure.Moderate));
        change.Because.Should().Equal("ASM-009");
    }

    [Fact]
    public void Firm_kneading_in_a_flare_is_lightened_to_moderate_pressure()
    {
        var scenario = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Flare).WithItem(Technique.Petrissage, BodyRegion.Legs, Pressure.Firm);

        var change = scenario.Assess().SaferPlan!.Changes.Should().ContainSingle().Subject;

        change.Action.Should().Be(ChangeAction.Lighten);
        change.To.Should().Be(new PlanItem(Technique.Petrissage, BodyRegion.Legs, Pressure.Moderate));
    }

    [Fact]
    public void Self_massage_with_a_tool_has_no_lighter_form_and_is_left_out()
    {
        var scenario = Scenario.Safe.AdministeredBy(Administrator.Self)
            .WithItems(Scenario.GentleItem, new PlanItem(Technique.ToolSelfMassage, BodyRegion.Lumbar, Pressure.Moderate));

        var plan = scenario.Assess().SaferPlan!;

        plan.Items.Should().Equal(Scenario.GentleItem);
        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Should().Match<PlanChange>(c => c.Item == 1 && c.Action == ChangeAction.Remove && c.To == null);
        change.Because.Should().Contain("ASM-016");
    }

    [Fact]
    public void A_pressure_nobody_stated_is_set_to_light()
    {
        var scenario = Scenario.Safe.WithItem(Technique.Petrissage, BodyRegion.Arms, Pressure.Unknown);

        var change = scenario.Assess().SaferPlan!.Changes.Should().ContainSingle().Subject;

        change.Action.Should().Be(ChangeAction.Lighten);
        change.To.Should().Be(new PlanItem(Technique.Petrissage, BodyRegion.Arms, Pressure.Light));
        change.Because.Should().Equal("ASM-027");
    }

    [Fact]
    public void A_gentle_stroke_whose_pressure_nobody_stated_is_kept_with_the_caution_that_asks_for_it()
    {
        var scenario = Scenario.Safe.WithItem(Technique.Vibration, BodyRegion.Arms, Pressure.Unknown);

        var assessment = scenario.Assess();

        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
        assessment.SaferPlan!.Changes.Should().BeEmpty("a caution asks for a fact; it changes nothing in the plan");
        assessment.SaferPlan.Items.Should().Equal(scenario.Plan.Items);
    }

    [Fact]
    public void A_replacement_that_raised_the_patients_pain_gives_way_to_another_gentle_one_citing_only_shown_codes()
    {
        // Effleurage has raised this patient's pain, so light vibration replaces the manipulation instead.
        var scenario = Scenario.FusedNeck.WithPainfulTechniques(Technique.Effleurage)
            .WithItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light);

        var plan = scenario.Assess().SaferPlan!;

        plan.Items.Should().Equal(new PlanItem(Technique.Vibration, BodyRegion.Cervical, Pressure.Light));
        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Action.Should().Be(ChangeAction.Replace);
        change.Because.Should().Equal("ASM-001");
    }

    [Fact]
    public void When_every_item_goes_the_decision_is_that_of_the_advice_about_the_patient_and_session_and_never_less_than_modifications()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { ProviderConsulted = Answer.No })
            .AdministeredBy(Administrator.Self)
            .WithItem(Technique.ToolSelfMassage, BodyRegion.Legs, Pressure.Light);

        var plan = scenario.Assess().SaferPlan!;

        plan.Items.Should().BeEmpty();
        plan.Decision.Should().Be(Decision.ProceedWithModifications, "nothing of the plan can be given as planned: the session needs planning anew");
    }

    [Fact]
    public void Unknown_facts_are_open_questions_because_no_change_of_plan_settles_them()
    {
        var scenario = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Unknown)
            .WithPlan(p => p with { SessionDate = null })
            .WithItem(Technique.Friction, BodyRegion.Thoracic, Pressure.Unknown);

        var assessment = scenario.Assess();

        assessment.SaferPlan!.OpenQuestions.Should().Equal("$.patient.ankylosis");
        assessment.UnknownFacts.Should().Contain("$.plan.items[0].pressure", "the plan's own gaps are settled by its changes instead");
        assessment.SaferPlan.Items.Should().Equal(new PlanItem(Technique.Effleurage, BodyRegion.Thoracic, Pressure.Light));
    }

    [Fact]
    public void An_item_rule_whose_advisory_could_not_be_evaluated_removes_its_items()
    {
        var kb = TestKnowledge.WithExtraRule("ASM-901", "item", "warning", "patient.PainScore.Value > 3 && item.Region == BodyRegion.Legs");
        var request = Scenario.Safe.WithPatient(p => p with { PainScore = null }).Request;

        var plan = new Advisor(kb).Assess(request).SaferPlan!;

        plan.Changes.Should().ContainSingle().Which.Should().Match<PlanChange>(c => c.Action == ChangeAction.Remove && c.Because.Contains("ASM-901"));
    }

    [Fact]
    public void The_json_form_names_the_items_the_changes_and_the_open_questions()
    {
        var scenario = Scenario.FusedNeck.WithItems(Scenario.GentleItem, new PlanItem(Technique.SpinalManipulation, BodyRegion.Head, Pressure.Moderate));

        using var json = JsonDocument.Parse(AssessmentJson.Serialize(scenario.Assess()));
        var plan = json.RootElement.GetProperty("saferPlan");

        plan.GetProperty("items")[1].GetProperty("technique").GetString().Should().Be("effleurage");
        var change = plan.GetProperty("changes")[0];
        change.GetProperty("item").GetInt32().Should().Be(1);
        change.GetProperty("action").GetString().Should().Be("replace");
        change.GetProperty("from").GetProperty("region").GetString().Should().Be("head");
        change.GetProperty("to").GetProperty("pressure").GetString().Should().Be("light");
        change.GetProperty("because").EnumerateArray().Select(e => e.GetString()).Should().Equal("ASM-001");
        plan.GetProperty("decision").GetString().Should().Be("proceed");
        plan.GetProperty("openQuestions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Every_item_rule_above_caution_names_its_change_in_the_built_in_rules()
    {
        KnowledgeBase.BuiltIn.Rules
            .Where(r => r.Scope == RuleScope.Item && r.Severity > Severity.Caution)
            .Should().OnlyContain(r => r.Change != null);
        KnowledgeBase.BuiltIn.Rules
            .Where(r => r.Scope == RuleScope.Patient || r.Severity <= Severity.Caution)
            .Should().OnlyContain(r => r.Change == null);
    }

    [Theory]
    [InlineData("{ \"action\": \"lighten\" }", "'lighten' takes a pressure and no technique")]
    [InlineData("{ \"action\": \"replace\", \"pressure\": \"light\" }", "'replace' takes a technique and a pressure")]
    [InlineData("{ \"action\": \"remove\", \"pressure\": \"light\" }", "'remove' takes neither a technique nor a pressure")]
    [InlineData("{ \"action\": \"lighten\", \"pressure\": \"unknown\" }", "a change must state a pressure")]
    [InlineData("{ \"action\": \"shrink\" }", "shrink")]
    [InlineData("{ \"action\": \"remove\", \"why\": 1 }", "why: unknown field")]
    public void A_rule_file_with_a_change_that_makes_no_sense_is_rejected_with_the_problem_named(string change, string named)
    {
        var json = TestKnowledge.AlterRules(root => TestKnowledge.Rule(root, "ASM-001")["Properties"]!["change"] = System.Text.Json.Nodes.JsonNode.Parse(change));

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain(p => p.Contains("ASM-001", StringComparison.Ordinal) && p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_an_item_rule_can_ask_for_a_change_of_plan()
    {
        var json = TestKnowledge.AlterRules(root =>
            TestKnowledge.Rule(root, "ASM-013")["Properties"]!["change"] = System.Text.Json.Nodes.JsonNode.Parse("{ \"action\": \"remove\" }"));

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain(p => p.Contains("only an item rule can ask for a change of plan", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_catalogue_shows_the_change_each_rule_asks_for()
    {
        var json = KnowledgeBaseJson.Serialize(KnowledgeBase.BuiltIn);

        using var document = JsonDocument.Parse(json);
        var asm001 = document.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "ASM-001");
        asm001.GetProperty("change").GetProperty("action").GetString().Should().Be("replace");
        asm001.GetProperty("change").GetProperty("technique").GetString().Should().Be("effleurage");
    }
}
