using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reports;

namespace AsMassageAdvisor.Tests.Reports;

/// <summary>The one source of the words people read: every value has words, items count from 1, questions come in order.</summary>
public sealed class PlainWordsTests
{
    [Fact]
    public void Every_value_people_may_read_has_words_of_its_own()
    {
        static void Check<TEnum>()
            where TEnum : struct, Enum
        {
            var words = Enum.GetValues<TEnum>().Select(v => PlainWords.Of(v)).ToList();
            words.Should().OnlyContain(w => w.Length > 0);
            words.Should().OnlyHaveUniqueItems($"each {typeof(TEnum).Name} reads differently");
        }

        Check<Decision>();
        Check<Severity>();
        Check<Technique>();
        Check<BodyRegion>();
        Check<Pressure>();
        Check<Administrator>();
        Check<Answer>();
        Check<AnkylosisStatus>();
        Check<DiseaseActivity>();
        Check<NsaidResponse>();
        Check<NeurologicalSymptom>();
        Check<SessionGoal>();
        Check<ChangeAction>();
        Check<RuleVerdict>();
        Check<Basis>();
        Enum.GetValues<Decision>().Select(PlainWords.Sentence).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_words_the_issue_asks_for_are_used()
    {
        PlainWords.Of(Decision.ProceedWithModifications).Should().Be("Proceed with changes");
        PlainWords.Of(Administrator.LicensedTherapist).Should().Be("a licensed therapist");
        PlainWords.Describe(new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Firm))
            .Should().Be("firm spinal manipulation of the neck");
        var from = new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate);
        var to = new PlanItem(Technique.Effleurage, BodyRegion.Cervical, Pressure.Light);
        PlainWords.Change(new PlanChange(0, ChangeAction.Replace, from, to, ["ASM-001"]))
            .Should().Be("item 1 (moderate spinal manipulation of the neck): replace it with light effleurage");
    }

    [Fact]
    public void Items_are_counted_from_one()
    {
        PlainWords.Item(0).Should().Be("item 1");
        PlainWords.Items([0, 2]).Should().Be("items 1, 3");
        PlainWords.Items([4]).Should().Be("item 5");
    }

    [Fact]
    public void Unknown_facts_become_questions_the_facts_that_can_change_the_decision_first()
    {
        var questions = PlainWords.Questions(["$.patient.dietHighInFriedOrSugaryFoods", "$.patient.smoker", "$.plan.items[1].pressure", "$.patient.ankylosis"]);

        questions.Should().Equal(
            "Is any part of the patient's spine fused (ankylosed), and which part?",
            "How much pressure is planned for item 2?",
            "Does the patient smoke?",
            "Does the patient eat a lot of fried or sugary food?");
    }

    [Fact]
    public void A_question_about_an_item_names_its_technique_when_the_request_is_known()
    {
        var request = new AssessmentRequest(
            new PatientStatus(),
            new SessionPlan { Items = [new PlanItem(Technique.DeepTissue, BodyRegion.Legs, Pressure.Unknown)] });

        PlainWords.Question("$.plan.items[0].pressure", request).Should().Be("How much pressure is planned for item 1 (deep-tissue massage of the legs)?");
    }

    [Fact]
    public void A_safer_plan_prints_in_words_not_collection_type_names()
    {
        var from = new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate);
        var to = new PlanItem(Technique.Effleurage, BodyRegion.Cervical, Pressure.Light);
        var plan = new SaferPlan
        {
            Items = [to],
            Changes = [new PlanChange(0, ChangeAction.Replace, from, to, ["ASM-001"])],
            Decision = Decision.ProceedWithCaution,
            OpenQuestions = ["$.patient.smoker"],
        };

        plan.ToString().Should().Be(
            "Safer plan, decision with it: Proceed with caution; item 1 (moderate spinal manipulation of the neck): replace it with light effleurage; to ask: Does the patient smoke?");
        plan.Changes[0].ToString().Should().EndWith("(because of ASM-001)");
    }
}
