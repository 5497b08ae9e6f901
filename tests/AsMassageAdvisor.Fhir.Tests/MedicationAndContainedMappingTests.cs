using AsMassageAdvisor.Model;
using Hl7.Fhir.Model;
using static AsMassageAdvisor.Fhir.Tests.Resources;

namespace AsMassageAdvisor.Fhir.Tests;

public sealed class MedicationAndContainedMappingTests
{
    private static ServiceRequest NeckManipulation() => Order("neck", "spinalManipulation", "cervical", "moderate");

    [Theory]
    [InlineData("L04AB01")] // etanercept
    [InlineData("L04AB04")] // adalimumab
    [InlineData("L04AB")]
    public void An_active_tnf_inhibitor_statement_makes_on_tnf_inhibitor_yes(string atc)
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), Statement("m1", FhirCodes.Atc, atc), NeckManipulation()]);

        mapping.Request.Patient.OnTnfInhibitor.Should().Be(Answer.Yes);
    }

    [Fact]
    public void An_active_tnf_inhibitor_request_makes_on_tnf_inhibitor_yes()
    {
        var request = new MedicationRequest
        {
            Id = "r1",
            Status = MedicationRequest.MedicationrequestStatus.Active,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new CodeableConcept(FhirCodes.Atc, "L04AB02"),
            Subject = new ResourceReference("Patient/p1"),
        };

        var mapping = FhirRequestMapper.Map([request, NeckManipulation()]);

        mapping.Request.Patient.OnTnfInhibitor.Should().Be(Answer.Yes);
    }

    [Fact]
    public void A_tnf_inhibitor_in_a_contained_medication_is_read()
    {
        var statement = new MedicationStatement
        {
            Id = "m1",
            Status = MedicationStatement.MedicationStatusCodes.Active,
            Medication = new ResourceReference("#med"),
            Subject = new ResourceReference("Patient/p1"),
        };
        statement.Contained.Add(new Medication { Id = "med", Code = new CodeableConcept(FhirCodes.Atc, "L04AB05") });

        var mapping = FhirRequestMapper.Map([statement, NeckManipulation()]);

        mapping.Request.Patient.OnTnfInhibitor.Should().Be(Answer.Yes);
    }

    [Theory]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Completed)]
    [InlineData(MedicationStatement.MedicationStatusCodes.EnteredInError)]
    [InlineData(MedicationStatement.MedicationStatusCodes.NotTaken)]
    public void A_tnf_inhibitor_that_is_not_current_leaves_the_answer_unknown_with_a_note(MedicationStatement.MedicationStatusCodes status)
    {
        var mapping = FhirRequestMapper.Map([Statement("m1", FhirCodes.Atc, "L04AB01", status), NeckManipulation()]);

        mapping.Request.Patient.OnTnfInhibitor.Should().Be(Answer.Unknown);
        mapping.Notes.Should().Contain(n => n.StartsWith("MedicationStatement/m1", StringComparison.Ordinal) && n.Contains("not a current medication", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_medications_on_record_tnf_treatment_is_unknown_never_no()
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), NeckManipulation()]);

        mapping.Request.Patient.OnTnfInhibitor.Should().Be(Answer.Unknown);
    }

    [Theory]
    [InlineData("M01AE01")] // ibuprofen
    [InlineData("M01AB05")] // diclofenac
    [InlineData("M01AH01")] // celecoxib
    public void An_nsaid_on_record_leaves_nsaid_response_unknown_and_says_so(string atc)
    {
        var mapping = FhirRequestMapper.Map([Statement("n1", FhirCodes.Atc, atc), NeckManipulation()]);

        mapping.Request.Patient.NsaidResponse.Should().Be(NsaidResponse.Unknown, "a medication list says nothing of whether NSAIDs control the disease");
        mapping.Notes.Should().Contain(n => n.StartsWith("MedicationStatement/n1", StringComparison.Ordinal) && n.Contains("NSAID", StringComparison.Ordinal) && n.Contains("on record", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://www.nlm.nih.gov/research/umls/rxnorm", "327361")] // adalimumab in RxNorm: not read
    [InlineData(FhirCodes.Atc, "L04AA")] // another immunosuppressant group
    [InlineData(FhirCodes.Atc, "M01B")] // NSAIDs in combination: not M01A
    public void Codes_the_mapping_cannot_verify_stay_out_with_a_note(string system, string code)
    {
        var mapping = FhirRequestMapper.Map([Statement("x1", system, code), NeckManipulation()]);

        mapping.Request.Patient.OnTnfInhibitor.Should().Be(Answer.Unknown);
        mapping.Request.Patient.NsaidResponse.Should().Be(NsaidResponse.Unknown);
        mapping.Notes.Should().Contain(n => n.StartsWith("MedicationStatement/x1", StringComparison.Ordinal) && n.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fusion_condition_contained_in_the_order_and_referenced_by_it_is_read()
    {
        var order = NeckManipulation();
        order.Contained.Add(Condition("fusion", FhirCodes.Icd10Cm, "M43.22"));
        order.ReasonReference.Add(new ResourceReference("#fusion"));

        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), order]);

        mapping.Request.Patient.Ankylosis.Should().Be(AnkylosisStatus.Present);
        mapping.Request.Patient.AnkylosedRegions.Should().Equal(BodyRegion.Cervical);
    }

    [Fact]
    public void A_contained_resource_the_order_does_not_refer_to_is_noted_not_dropped_silently()
    {
        var order = NeckManipulation();
        order.Contained.Add(Condition("fusion", FhirCodes.Icd10Cm, "M43.22"));
        order.Contained.Add(new Practitioner { Id = "doc" });
        order.SupportingInfo.Add(new ResourceReference("#doc"));

        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), order]);

        mapping.Request.Patient.Ankylosis.Should().Be(AnkylosisStatus.Unknown);
        mapping.Notes.Should().Contain(n => n.Contains("contains a Condition ('#fusion')", StringComparison.Ordinal) && n.Contains("does not refer to", StringComparison.Ordinal));
        mapping.Notes.Should().Contain(n => n.Contains("contains a Practitioner ('#doc') that the mapping does not read", StringComparison.Ordinal));
    }

    private static MedicationStatement Statement(
        string id, string system, string code, MedicationStatement.MedicationStatusCodes status = MedicationStatement.MedicationStatusCodes.Active) => new()
    {
        Id = id,
        Status = status,
        Medication = new CodeableConcept(system, code),
        Subject = new ResourceReference("Patient/p1"),
    };
}
