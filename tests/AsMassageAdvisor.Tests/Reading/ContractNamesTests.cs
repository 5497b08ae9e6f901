using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Reading;

/// <summary>The request's field names come from the model, by one naming policy, for every reader of them.</summary>
public sealed class ContractNamesTests
{
    [Fact]
    public void The_reader_knows_exactly_the_models_fields_by_their_camel_case_names()
    {
        RequestTreeReader.FieldsOf<PatientStatus>().Select(f => f.Name).Should().Equal(ContractNames.FieldsOf<PatientStatus>());
        RequestTreeReader.FieldsOf<SessionPlan>().Select(f => f.Name).Should().Equal(ContractNames.FieldsOf<SessionPlan>());
    }

    [Fact]
    public void The_names_are_the_model_names_under_the_camel_case_policy()
    {
        ContractNames.FieldsOf<PatientStatus>().Should().Contain(["diseaseActivity", "dietHighInFriedOrSugaryFoods", "statusConfirmedOn", "painScore"]);
        ContractNames.PatientPath(nameof(PatientStatus.OnTnfInhibitor)).Should().Be("$.patient.onTnfInhibitor");
        ContractNames.PlanPath(nameof(SessionPlan.SessionDate)).Should().Be("$.plan.sessionDate");
    }

    [Fact]
    public void Every_trigger_name_but_the_status_age_and_the_item_is_a_request_field()
    {
        var fields = ContractNames.FieldsOf<PatientStatus>().Concat(ContractNames.FieldsOf<SessionPlan>()).ToHashSet(StringComparer.Ordinal);

        TriggerVocabulary.Names.Where(n => !fields.Contains(n)).Should().Equal(TriggerVocabulary.StatusAge, TriggerVocabulary.Item);
    }

    [Fact]
    public void Every_unknown_fact_is_a_request_field_path()
    {
        var request = new AssessmentRequest(new PatientStatus(), new SessionPlan { Items = [new PlanItem(Technique.Effleurage, BodyRegion.Legs)] });

        var unknown = new Advisor().Assess(request).UnknownFacts;

        var paths = ContractNames.FieldsOf<PatientStatus>().Select(f => "$.patient." + f)
            .Concat(ContractNames.FieldsOf<SessionPlan>().Select(f => "$.plan." + f))
            .Append("$.plan.items[0].pressure")
            .ToHashSet(StringComparer.Ordinal);
        unknown.Should().NotBeEmpty().And.OnlyContain(p => paths.Contains(p));
    }
}
