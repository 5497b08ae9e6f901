using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Validation;

/// <summary>The meaning checks, run through the C# API: <c>new Advisor().Assess(request)</c>.</summary>
public sealed class AssessmentRequestValidatorTests
{
    private static readonly AssessmentRequest Valid = new(
        new PatientStatus(),
        new SessionPlan { Items = [new PlanItem(Technique.Effleurage, BodyRegion.Legs, Pressure.Light)] });

    [Fact]
    public void A_valid_request_with_everything_unknown_is_assessed()
    {
        // Act
        var act = () => new Advisor().Assess(Valid);

        // Assert
        act.Should().NotThrow().Which.Advisories.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void A_pain_score_outside_zero_to_ten_is_rejected(int score)
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { PainScore = score } };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.painScore");
        error.Message.Should().Contain("0 to 10");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(null)]
    public void A_pain_score_from_zero_to_ten_or_none_is_accepted(int? score)
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { PainScore = score } };

        // Act
        var act = () => new Advisor().Assess(request);

        // Assert
        act.Should().NotThrow();
    }

    [Fact]
    public void A_non_spinal_ankylosed_region_is_rejected_at_its_index()
    {
        // Arrange
        var request = Valid with
        {
            Patient = new PatientStatus { Ankylosis = AnkylosisStatus.Present, AnkylosedRegions = [BodyRegion.Cervical, BodyRegion.Legs] },
        };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.ankylosedRegions[1]");
        error.Message.Should().Contain("spinal");
    }

    [Theory]
    [InlineData(BodyRegion.Cervical)]
    [InlineData(BodyRegion.Thoracic)]
    [InlineData(BodyRegion.Lumbar)]
    [InlineData(BodyRegion.Sacroiliac)]
    public void Every_spinal_region_is_accepted_as_ankylosed(BodyRegion region)
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { Ankylosis = AnkylosisStatus.Present, AnkylosedRegions = [region] } };

        // Act
        var act = () => new Advisor().Assess(request);

        // Assert
        act.Should().NotThrow();
    }

    [Fact]
    public void Ankylosed_regions_listed_while_ankylosis_is_absent_are_rejected_as_a_contradiction()
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { Ankylosis = AnkylosisStatus.Absent, AnkylosedRegions = [BodyRegion.Lumbar] } };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.ankylosedRegions");
        error.Message.Should().Contain("absent");
    }

    [Fact]
    public void Ankylosed_regions_listed_while_ankylosis_is_unknown_are_accepted()
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { Ankylosis = AnkylosisStatus.Unknown, AnkylosedRegions = [BodyRegion.Lumbar] } };

        // Act
        var act = () => new Advisor().Assess(request);

        // Assert
        act.Should().NotThrow();
    }

    [Fact]
    public void A_non_spinal_region_while_ankylosis_is_absent_reports_both_problems()
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { Ankylosis = AnkylosisStatus.Absent, AnkylosedRegions = [BodyRegion.Legs] } };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        errors.Select(e => e.Path).Should().BeEquivalentTo("$.patient.ankylosedRegions[0]", "$.patient.ankylosedRegions");
    }

    [Fact]
    public void An_empty_plan_is_rejected()
    {
        // Arrange
        var request = Valid with { Plan = new SessionPlan() };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.items");
        error.Message.Should().Contain("at least one item");
    }

    [Fact]
    public void A_plan_of_more_than_100_items_is_rejected()
    {
        // Arrange
        var request = Valid with { Plan = new SessionPlan { Items = Enumerable.Repeat(new PlanItem(Technique.Effleurage, BodyRegion.Legs), 101).ToArray() } };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.items");
        error.Message.Should().Contain("100");
    }

    [Theory]
    [InlineData("ankylosedRegions", "$.patient.ankylosedRegions")]
    [InlineData("neurologicalSymptoms", "$.patient.neurologicalSymptoms")]
    [InlineData("painfulTechniques", "$.patient.painfulTechniques")]
    [InlineData("goals", "$.plan.goals")]
    public void A_list_of_more_than_32_entries_is_rejected(string list, string path)
    {
        // Arrange
        var request = list switch
        {
            "ankylosedRegions" => Valid with { Patient = new PatientStatus { AnkylosedRegions = Enumerable.Repeat(BodyRegion.Lumbar, 33).ToArray() } },
            "neurologicalSymptoms" => Valid with { Patient = new PatientStatus { NeurologicalSymptoms = Enumerable.Repeat(NeurologicalSymptom.SensoryChanges, 33).ToArray() } },
            "painfulTechniques" => Valid with { Patient = new PatientStatus { PainfulTechniques = Enumerable.Repeat(Technique.Friction, 33).ToArray() } },
            _ => Valid with { Plan = Valid.Plan with { Goals = Enumerable.Repeat(SessionGoal.Relaxation, 33).ToArray() } },
        };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Message.Should().Contain("32");
    }

    [Fact]
    public void An_undefined_technique_is_rejected()
    {
        // Arrange
        var request = Valid with { Plan = new SessionPlan { Items = [new PlanItem((Technique)99, BodyRegion.Legs)] } };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.items[0].technique");
        error.Message.Should().Contain("99");
    }

    [Theory]
    [InlineData("diseaseActivity", "$.patient.diseaseActivity")]
    [InlineData("ankylosis", "$.patient.ankylosis")]
    [InlineData("restrictedSpinalMotion", "$.patient.restrictedSpinalMotion")]
    [InlineData("nsaidResponse", "$.patient.nsaidResponse")]
    [InlineData("onTnfInhibitor", "$.patient.onTnfInhibitor")]
    [InlineData("providerConsulted", "$.patient.providerConsulted")]
    [InlineData("smoker", "$.patient.smoker")]
    [InlineData("dietHighInFriedOrSugaryFoods", "$.patient.dietHighInFriedOrSugaryFoods")]
    [InlineData("ankylosedRegions", "$.patient.ankylosedRegions[0]")]
    [InlineData("neurologicalSymptoms", "$.patient.neurologicalSymptoms[0]")]
    [InlineData("painfulTechniques", "$.patient.painfulTechniques[0]")]
    [InlineData("administeredBy", "$.plan.administeredBy")]
    [InlineData("therapistInformedOfCondition", "$.plan.therapistInformedOfCondition")]
    [InlineData("goals", "$.plan.goals[0]")]
    [InlineData("region", "$.plan.items[0].region")]
    [InlineData("pressure", "$.plan.items[0].pressure")]
    public void An_undefined_enum_value_is_rejected_at_its_json_path(string field, string path)
    {
        // Arrange
        var item = Valid.Plan.Items[0];
        var request = field switch
        {
            "diseaseActivity" => Valid with { Patient = new PatientStatus { DiseaseActivity = (DiseaseActivity)42 } },
            "ankylosis" => Valid with { Patient = new PatientStatus { Ankylosis = (AnkylosisStatus)42 } },
            "restrictedSpinalMotion" => Valid with { Patient = new PatientStatus { RestrictedSpinalMotion = (Answer)42 } },
            "nsaidResponse" => Valid with { Patient = new PatientStatus { NsaidResponse = (NsaidResponse)42 } },
            "onTnfInhibitor" => Valid with { Patient = new PatientStatus { OnTnfInhibitor = (Answer)42 } },
            "providerConsulted" => Valid with { Patient = new PatientStatus { ProviderConsulted = (Answer)42 } },
            "smoker" => Valid with { Patient = new PatientStatus { Smoker = (Answer)42 } },
            "dietHighInFriedOrSugaryFoods" => Valid with { Patient = new PatientStatus { DietHighInFriedOrSugaryFoods = (Answer)42 } },
            "ankylosedRegions" => Valid with { Patient = new PatientStatus { AnkylosedRegions = [(BodyRegion)0] } },
            "neurologicalSymptoms" => Valid with { Patient = new PatientStatus { NeurologicalSymptoms = [(NeurologicalSymptom)0] } },
            "painfulTechniques" => Valid with { Patient = new PatientStatus { PainfulTechniques = [(Technique)0] } },
            "administeredBy" => Valid with { Plan = Valid.Plan with { AdministeredBy = (Administrator)42 } },
            "therapistInformedOfCondition" => Valid with { Plan = Valid.Plan with { TherapistInformedOfCondition = (Answer)42 } },
            "goals" => Valid with { Plan = Valid.Plan with { Goals = [(SessionGoal)0] } },
            "region" => Valid with { Plan = Valid.Plan with { Items = [item with { Region = (BodyRegion)0 }] } },
            "pressure" => Valid with { Plan = Valid.Plan with { Items = [item with { Pressure = (Pressure)42 }] } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such case"),
        };

        // Act
        var errors = ErrorsOf(request);

        // Assert: an undefined region is also not a spinal one, so it may be reported twice, but only at its own path.
        errors.Should().NotBeEmpty().And.OnlyContain(e => e.Path == path);
    }

    [Theory]
    [InlineData("ankylosedRegions", "$.patient.ankylosedRegions")]
    [InlineData("painfulTechniques", "$.patient.painfulTechniques")]
    [InlineData("goals", "$.plan.goals")]
    [InlineData("items", "$.plan.items")]
    public void A_null_list_is_an_invalid_request_never_a_null_reference_exception(string list, string path)
    {
        // Arrange
        var request = list switch
        {
            "ankylosedRegions" => Valid with { Patient = new PatientStatus { AnkylosedRegions = null! } },
            "painfulTechniques" => Valid with { Patient = new PatientStatus { PainfulTechniques = null! } },
            "goals" => Valid with { Plan = Valid.Plan with { Goals = null! } },
            "items" => Valid with { Plan = Valid.Plan with { Items = null! } },
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, "no such case"),
        };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        errors.Should().ContainSingle().Which.Path.Should().Be(path);
    }

    [Fact]
    public void Neurological_symptoms_not_asked_are_accepted_and_reported_as_unknown()
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { NeurologicalSymptoms = null } };

        // Act
        var assessment = new Advisor().Assess(request);

        // Assert
        assessment.UnknownFacts.Should().Contain("$.patient.neurologicalSymptoms");
    }

    [Fact]
    public void A_status_confirmed_after_the_session_date_is_rejected()
    {
        // Arrange
        var request = new AssessmentRequest(
            new PatientStatus { StatusConfirmedOn = new DateOnly(2026, 11, 24) },
            Valid.Plan with { SessionDate = new DateOnly(2026, 11, 23) });

        // Act
        var errors = ErrorsOf(request);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.statusConfirmedOn");
        error.Message.Should().Contain("after the session date");
    }

    [Fact]
    public void A_status_confirmation_date_without_a_session_date_is_accepted()
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { StatusConfirmedOn = new DateOnly(2026, 11, 24) } };

        // Act
        var act = () => new Advisor().Assess(request);

        // Assert
        act.Should().NotThrow();
    }

    [Fact]
    public void A_null_ankylosed_region_list_while_ankylosis_is_absent_is_an_invalid_request()
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { Ankylosis = AnkylosisStatus.Absent, AnkylosedRegions = null! } };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        errors.Should().ContainSingle().Which.Path.Should().Be("$.patient.ankylosedRegions");
    }

    [Fact]
    public void A_null_item_is_rejected_at_its_index()
    {
        // Arrange
        var request = Valid with { Plan = Valid.Plan with { Items = [Valid.Plan.Items[0], null!] } };

        // Act
        var errors = ErrorsOf(request);

        // Assert
        errors.Should().ContainSingle().Which.Path.Should().Be("$.plan.items[1]");
    }

    [Fact]
    public void A_null_patient_and_a_null_plan_are_both_rejected()
    {
        // Arrange
        var request = new AssessmentRequest(null!, null!);

        // Act
        var errors = ErrorsOf(request);

        // Assert
        errors.Select(e => e.Path).Should().BeEquivalentTo("$.patient", "$.plan");
    }

    [Fact]
    public void A_null_request_is_rejected_at_the_root()
    {
        // Act
        var errors = ErrorsOf(null!);

        // Assert
        errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void Several_problems_are_all_reported_each_with_its_json_path()
    {
        // Arrange
        var request = new AssessmentRequest(
            new PatientStatus
            {
                PainScore = 12,
                Ankylosis = AnkylosisStatus.Present,
                AnkylosedRegions = [BodyRegion.Head],
                Smoker = (Answer)9,
            },
            new SessionPlan
            {
                Goals = [(SessionGoal)77],
                Items = [new PlanItem((Technique)99, BodyRegion.Lumbar), new PlanItem(Technique.Effleurage, BodyRegion.Legs, (Pressure)5)],
            });

        // Act
        var errors = ErrorsOf(request);

        // Assert
        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "$.patient.painScore",
            "$.patient.ankylosedRegions[0]",
            "$.patient.smoker",
            "$.plan.goals[0]",
            "$.plan.items[0].technique",
            "$.plan.items[1].pressure");
        errors.Should().OnlyContain(e => e.Message.Length > 0 && !e.Message.StartsWith('\''));
    }

    [Fact]
    public void Explain_validates_the_request_as_assess_does()
    {
        // Arrange
        var request = Valid with { Patient = new PatientStatus { PainScore = 11 } };

        // Act
        var act = () => new Advisor().Explain(request);

        // Assert
        act.Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle()
            .Which.Path.Should().Be("$.patient.painScore");
    }

    // Whatever goes wrong must be an InvalidRequestException: any other exception fails the test here.
    private static IReadOnlyList<InputError> ErrorsOf(AssessmentRequest request)
    {
        var act = () => new Advisor().Assess(request);
        return act.Should().Throw<InvalidRequestException>().Which.Errors;
    }
}
