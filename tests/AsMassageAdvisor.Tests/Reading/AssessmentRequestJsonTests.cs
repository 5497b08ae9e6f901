using System.Text;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Reading;

public sealed class AssessmentRequestJsonTests
{
    private const string Item = """{ "technique": "effleurage", "region": "legs", "pressure": "light" }""";

    private const string FullRequest = """
        {
          "patient": {
            "diseaseActivity": "flare",
            "ankylosis": "present",
            "ankylosedRegions": ["cervical", "sacroiliac"],
            "restrictedSpinalMotion": "yes",
            "neurologicalSymptoms": ["progressiveWeakness", "sensoryChanges"],
            "painfulTechniques": ["deepTissue", "toolSelfMassage"],
            "nsaidResponse": "notControlled",
            "onTnfInhibitor": "yes",
            "providerConsulted": "no",
            "smoker": "yes",
            "dietHighInFriedOrSugaryFoods": "no",
            "painScore": 7,
            "statusConfirmedOn": "2026-02-28"
          },
          "plan": {
            "administeredBy": "boardCertifiedTherapist",
            "therapistInformedOfCondition": "no",
            "sessionDate": "2026-03-01",
            "goals": ["reducePain", "improveFlexibility", "relaxation", "reduceInflammation", "reduceMedication"],
            "items": [
              { "technique": "effleurage", "region": "head", "pressure": "light" },
              { "technique": "spinalManipulation", "region": "cervical", "pressure": "extreme" },
              { "technique": "tapotement", "region": "abdomen" }
            ]
          }
        }
        """;

    [Fact]
    public void A_full_valid_request_is_read_into_the_expected_model_values()
    {
        // Arrange
        var expected = new AssessmentRequest(
            new PatientStatus
            {
                DiseaseActivity = DiseaseActivity.Flare,
                Ankylosis = AnkylosisStatus.Present,
                AnkylosedRegions = [BodyRegion.Cervical, BodyRegion.Sacroiliac],
                RestrictedSpinalMotion = Answer.Yes,
                NeurologicalSymptoms = [NeurologicalSymptom.ProgressiveWeakness, NeurologicalSymptom.SensoryChanges],
                PainfulTechniques = [Technique.DeepTissue, Technique.ToolSelfMassage],
                NsaidResponse = NsaidResponse.NotControlled,
                OnTnfInhibitor = Answer.Yes,
                ProviderConsulted = Answer.No,
                Smoker = Answer.Yes,
                DietHighInFriedOrSugaryFoods = Answer.No,
                PainScore = 7,
                StatusConfirmedOn = new DateOnly(2026, 2, 28),
            },
            new SessionPlan
            {
                AdministeredBy = Administrator.BoardCertifiedTherapist,
                TherapistInformedOfCondition = Answer.No,
                SessionDate = new DateOnly(2026, 3, 1),
                Goals = [SessionGoal.ReducePain, SessionGoal.ImproveFlexibility, SessionGoal.Relaxation, SessionGoal.ReduceInflammation, SessionGoal.ReduceMedication],
                Items =
                [
                    new PlanItem(Technique.Effleurage, BodyRegion.Head, Pressure.Light),
                    new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Extreme),
                    new PlanItem(Technique.Tapotement, BodyRegion.Abdomen, Pressure.Unknown),
                ],
            });

        // Act
        var request = AssessmentRequestJson.Parse(FullRequest);

        // Assert
        request.Should().BeEquivalentTo(expected, options => options.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void The_byte_span_and_stream_overloads_read_the_same_request_as_the_string_overload()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(FullRequest);
        var fromString = AssessmentRequestJson.Parse(FullRequest);

        // Act
        var fromBytes = AssessmentRequestJson.Parse(bytes.AsSpan());
        using var stream = new MemoryStream(bytes);
        var fromStream = AssessmentRequestJson.Parse(stream);

        // Assert
        fromBytes.Should().BeEquivalentTo(fromString, options => options.ComparingRecordsByMembers().WithStrictOrdering());
        fromStream.Should().BeEquivalentTo(fromString, options => options.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void Absent_fields_read_as_unknown_and_absent_lists_as_empty_never_as_no()
    {
        // Arrange
        var json = """{ "patient": {}, "plan": { "items": [ { "technique": "friction", "region": "hips" } ] } }""";

        // Act
        var request = AssessmentRequestJson.Parse(json);

        // Assert
        var patient = request.Patient;
        patient.DiseaseActivity.Should().Be(DiseaseActivity.Unknown);
        patient.Ankylosis.Should().Be(AnkylosisStatus.Unknown);
        patient.RestrictedSpinalMotion.Should().Be(Answer.Unknown);
        patient.NsaidResponse.Should().Be(NsaidResponse.Unknown);
        patient.OnTnfInhibitor.Should().Be(Answer.Unknown);
        patient.ProviderConsulted.Should().Be(Answer.Unknown);
        patient.Smoker.Should().Be(Answer.Unknown);
        patient.DietHighInFriedOrSugaryFoods.Should().Be(Answer.Unknown);
        patient.PainScore.Should().BeNull();
        patient.StatusConfirmedOn.Should().BeNull();
        patient.AnkylosedRegions.Should().BeEmpty();
        patient.PainfulTechniques.Should().BeEmpty();
        request.Plan.AdministeredBy.Should().Be(Administrator.Unknown);
        request.Plan.TherapistInformedOfCondition.Should().Be(Answer.Unknown);
        request.Plan.SessionDate.Should().BeNull();
        request.Plan.Goals.Should().BeEmpty();
        request.Plan.Items.Should().Equal(new PlanItem(Technique.Friction, BodyRegion.Hips, Pressure.Unknown));
    }

    [Fact]
    public void Absent_neurological_symptoms_read_as_not_asked_and_an_empty_list_as_none_reported()
    {
        // Arrange
        var absent = Request();
        var empty = Request(patient: """{ "neurologicalSymptoms": [] }""");

        // Act
        var notAsked = AssessmentRequestJson.Parse(absent).Patient.NeurologicalSymptoms;
        var noneReported = AssessmentRequestJson.Parse(empty).Patient.NeurologicalSymptoms;

        // Assert
        notAsked.Should().BeNull();
        noneReported.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void An_absent_pressure_reads_as_unknown_pressure()
    {
        // Arrange
        var json = Request(plan: Plan("""{ "technique": "deepTissue", "region": "lumbar" }"""));

        // Act
        var request = AssessmentRequestJson.Parse(json);

        // Assert
        request.Plan.Items.Should().ContainSingle().Which.Pressure.Should().Be(Pressure.Unknown);
    }

    [Fact]
    public void An_explicit_unknown_value_is_accepted()
    {
        // Arrange
        var json = Request(
            patient: """{ "smoker": "unknown", "ankylosis": "unknown" }""",
            plan: Plan("""{ "technique": "effleurage", "region": "legs", "pressure": "unknown" }"""));

        // Act
        var request = AssessmentRequestJson.Parse(json);

        // Assert
        request.Patient.Smoker.Should().Be(Answer.Unknown);
        request.Patient.Ankylosis.Should().Be(AnkylosisStatus.Unknown);
        request.Plan.Items[0].Pressure.Should().Be(Pressure.Unknown);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_allowed()
    {
        // Arrange
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Request())];

        // Act
        var request = AssessmentRequestJson.Parse(bytes.AsSpan());

        // Assert
        request.Plan.Items.Should().ContainSingle();
    }

    [Fact]
    public void A_misspelt_field_is_named_with_its_path_and_a_did_you_mean_hint()
    {
        // Arrange
        var json = Request(patient: """{ "diseaseActivty": "flare" }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.diseaseActivty");
        error.Message.Should().Contain("unknown field").And.Contain("did you mean 'diseaseActivity'");
    }

    [Theory]
    [InlineData("""{ "patient": {}, "plna": {}, "plan": { "items": [] } }""", "$.plna", "plan")]
    [InlineData("""{ "patient": { "Smoker": "yes" }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient.Smoker", "smoker")]
    [InlineData("""{ "patient": {}, "plan": { "goal": [], "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.plan.goal", "goals")]
    [InlineData("""{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs", "pressur": "light" } ] } }""", "$.plan.items[0].pressur", "pressure")]
    public void An_unknown_field_at_any_level_is_named_with_a_hint(string json, string path, string suggestion)
    {
        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Should().ContainSingle(e => e.Path == path)
            .Which.Message.Should().Contain($"did you mean '{suggestion}'");
    }

    [Fact]
    public void An_unknown_field_with_no_close_match_is_reported_without_a_hint_but_with_the_allowed_fields()
    {
        // Arrange
        var json = Request(patient: """{ "favouriteColour": "blue" }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.favouriteColour");
        error.Message.Should().Contain("unknown field").And.NotContain("did you mean").And.Contain("diseaseActivity");
    }

    [Fact]
    public void A_bad_enum_value_is_named_with_the_field_and_the_allowed_values()
    {
        // Arrange
        var json = Request(patient: """{ "ankylosis": "maybe" }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.ankylosis");
        error.Message.Should().Contain("'maybe'").And.Contain("present").And.Contain("absent").And.Contain("unknown");
    }

    [Fact]
    public void A_bad_pressure_names_the_item_path_and_the_allowed_pressures()
    {
        // Arrange
        var json = Request(plan: Plan(Item, """{ "technique": "effleurage", "region": "legs", "pressure": "hard" }"""));

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.items[1].pressure");
        error.Message.Should().Contain("'hard'").And.Contain("light").And.Contain("moderate").And.Contain("firm").And.Contain("extreme");
    }

    [Fact]
    public void A_bad_value_inside_a_list_is_named_by_its_index()
    {
        // Arrange
        var json = Request(plan: """{ "goals": ["relaxation", "sleep"], "items": [ { "technique": "effleurage", "region": "legs" } ] }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.goals[1]");
        error.Message.Should().Contain("'sleep'").And.Contain("reducePain");
    }

    [Fact]
    public void Enum_values_are_case_sensitive_camel_case()
    {
        // Arrange
        var json = Request(patient: """{ "smoker": "Yes" }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Should().ContainSingle().Which.Path.Should().Be("$.patient.smoker");
    }

    [Theory]
    [InlineData("""{ "smoker": true }""", "$.patient.smoker", "must be a string")]
    [InlineData("""{ "smoker": 1 }""", "$.patient.smoker", "must be a string")]
    [InlineData("""{ "ankylosedRegions": "cervical" }""", "$.patient.ankylosedRegions", "must be an array")]
    [InlineData("""{ "neurologicalSymptoms": [1] }""", "$.patient.neurologicalSymptoms[0]", "must be a string")]
    [InlineData("""{ "painfulTechniques": {} }""", "$.patient.painfulTechniques", "must be an array")]
    [InlineData("""{ "painScore": "4" }""", "$.patient.painScore", "whole number")]
    [InlineData("""{ "painScore": 4.5 }""", "$.patient.painScore", "whole number")]
    [InlineData("""{ "painScore": 99999999999999999999 }""", "$.patient.painScore", "whole number")]
    public void A_value_of_the_wrong_type_is_named_with_its_path(string patient, string path, string message)
    {
        // Arrange
        var json = Request(patient: patient);

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("""{ "patient": [], "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient")]
    [InlineData("""{ "patient": {}, "plan": "gentle" }""", "$.plan")]
    [InlineData("""{ "patient": {}, "plan": { "items": {} } }""", "$.plan.items")]
    [InlineData("""{ "patient": {}, "plan": { "items": ["effleurage"] } }""", "$.plan.items[0]")]
    [InlineData("""[]""", "$")]
    [InlineData("""42""", "$")]
    public void A_structure_of_the_wrong_kind_is_named_with_its_path(string json, string path)
    {
        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Message.Should().Contain("must be an");
    }

    [Theory]
    [InlineData("""{ "patient": { "smoker": null }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient.smoker")]
    [InlineData("""{ "patient": { "painScore": null }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient.painScore")]
    [InlineData("""{ "patient": { "ankylosedRegions": null }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient.ankylosedRegions")]
    [InlineData("""{ "patient": {}, "plan": { "goals": [null], "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.plan.goals[0]")]
    [InlineData("""{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs", "pressure": null } ] } }""", "$.plan.items[0].pressure")]
    [InlineData("""{ "patient": {}, "plan": { "items": [null] } }""", "$.plan.items[0]")]
    [InlineData("""{ "patient": null, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient")]
    [InlineData("""null""", "$")]
    public void A_null_is_an_error_naming_its_path(string json, string path)
    {
        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Message.Should().Contain("null");
    }

    [Theory]
    [InlineData("""{ "patient": { "smoker": "yes", "smoker": "no" }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient.smoker")]
    [InlineData("""{ "patient": {}, "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""", "$.patient")]
    [InlineData("""{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs", "region": "arms" } ] } }""", "$.plan.items[0].region")]
    public void A_repeated_property_is_an_error_naming_its_path(string json, string path)
    {
        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Message.Should().Contain("more than once");
    }

    [Fact]
    public void A_missing_patient_and_a_missing_plan_are_both_errors()
    {
        // Act
        var errors = ErrorsOf("{}");

        // Assert
        errors.Select(e => e.Path).Should().BeEquivalentTo("$.patient", "$.plan");
        errors.Should().OnlyContain(e => e.Message.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_without_items_is_an_error()
    {
        // Arrange
        var json = """{ "patient": {}, "plan": { "goals": ["relaxation"] } }""";

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.items");
        error.Message.Should().Contain("required");
    }

    [Fact]
    public void A_plan_with_an_empty_item_list_is_an_error()
    {
        // Arrange
        var json = Request(plan: Plan());

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.items");
        error.Message.Should().Contain("at least one item");
    }

    [Fact]
    public void An_item_without_technique_or_region_names_both_missing_fields()
    {
        // Arrange
        var json = Request(plan: Plan(Item, """{ "pressure": "light" }"""));

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Should().HaveCount(2);
        errors.Should().ContainSingle(e => e.Path == "$.plan.items[1].technique").Which.Message.Should().Contain("required");
        errors.Should().ContainSingle(e => e.Path == "$.plan.items[1].region").Which.Message.Should().Contain("required");
    }

    [Theory]
    [InlineData("""{ "statusConfirmedOn": "20/11/2026" }""", "", "$.patient.statusConfirmedOn", "YYYY-MM-DD")]
    [InlineData("""{ "statusConfirmedOn": "2026-02-30" }""", "", "$.patient.statusConfirmedOn", "'2026-02-30'")]
    [InlineData("""{ "statusConfirmedOn": "2026-11-20T10:00:00" }""", "", "$.patient.statusConfirmedOn", "YYYY-MM-DD")]
    [InlineData("""{ "statusConfirmedOn": 20261120 }""", "", "$.patient.statusConfirmedOn", "not a number")]
    [InlineData("{}", """ "sessionDate": null, """, "$.plan.sessionDate", "null")]
    [InlineData("{}", """ "sessionDate": "", """, "$.plan.sessionDate", "YYYY-MM-DD")]
    public void A_date_not_written_as_year_month_day_is_an_error_naming_its_path(string patient, string planDate, string path, string message)
    {
        // Arrange
        var json = Request(patient: patient, plan: $$"""{ {{planDate}} "items": [{{Item}}] }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void A_status_confirmed_after_the_session_date_is_an_error()
    {
        // Arrange
        var json = Request(
            patient: """{ "statusConfirmedOn": "2026-11-24" }""",
            plan: $$"""{ "sessionDate": "2026-11-23", "items": [{{Item}}] }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.statusConfirmedOn");
        error.Message.Should().Contain("2026-11-23");
    }

    [Fact]
    public void A_status_confirmed_on_the_session_date_is_accepted()
    {
        // Arrange
        var json = Request(
            patient: """{ "statusConfirmedOn": "2026-11-23" }""",
            plan: $$"""{ "sessionDate": "2026-11-23", "items": [{{Item}}] }""");

        // Act
        var request = AssessmentRequestJson.Parse(json);

        // Assert
        request.Patient.StatusConfirmedOn.Should().Be(request.Plan.SessionDate).And.Be(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public void Several_problems_are_all_reported_in_one_exception()
    {
        // Arrange
        var json = """
            {
              "patient": { "diseaseActivty": "flare", "ankylosis": "maybe", "painScore": 14, "smoker": null },
              "plan": {
                "goals": "relaxation",
                "items": [
                  { "technique": "shiatsu", "region": "cervical", "pressure": "light" },
                  { "region": "legs" }
                ]
              }
            }
            """;

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "$.patient.diseaseActivty",
            "$.patient.ankylosis",
            "$.patient.smoker",
            "$.patient.painScore",
            "$.plan.goals",
            "$.plan.items[0].technique",
            "$.plan.items[1].technique");
        errors.Single(e => e.Path == "$.patient.painScore").Message.Should().Contain("0 to 10").And.Contain("14");
    }

    [Fact]
    public void The_exception_message_lists_every_problem_with_its_path()
    {
        // Arrange
        var json = Request(patient: """{ "diseaseActivty": "flare", "ankylosis": "maybe" }""");

        // Act
        var act = () => AssessmentRequestJson.Parse(json);

        // Assert
        act.Should().Throw<InvalidRequestException>()
            .WithMessage("*2 problems*")
            .Which.Message.Should().Contain("$.patient.diseaseActivty").And.Contain("$.patient.ankylosis");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_pain_score_outside_zero_to_ten_is_an_error_at_its_path(int score)
    {
        // Arrange
        var json = Request(patient: $$"""{ "painScore": {{score}} }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Should().ContainSingle().Which.Path.Should().Be("$.patient.painScore");
    }

    [Fact]
    public void One_hundred_items_are_accepted()
    {
        // Arrange
        var json = Request(plan: Plan(Enumerable.Repeat(Item, 100).ToArray()));

        // Act
        var request = AssessmentRequestJson.Parse(json);

        // Assert
        request.Plan.Items.Should().HaveCount(100);
    }

    [Fact]
    public void One_hundred_and_one_items_are_an_error()
    {
        // Arrange
        var json = Request(plan: Plan(Enumerable.Repeat(Item, 101).ToArray()));

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.plan.items");
        error.Message.Should().Contain("101").And.Contain("100");
    }

    [Theory]
    [InlineData("patient", "ankylosedRegions", "\"cervical\"")]
    [InlineData("patient", "neurologicalSymptoms", "\"sensoryChanges\"")]
    [InlineData("patient", "painfulTechniques", "\"deepTissue\"")]
    [InlineData("plan", "goals", "\"relaxation\"")]
    public void A_list_of_more_than_32_entries_is_an_error_and_32_are_accepted(string section, string field, string entry)
    {
        // Arrange
        string Json(int count)
        {
            var entries = string.Join(", ", Enumerable.Repeat(entry, count));
            return section == "patient"
                ? Request(patient: $$"""{ "{{field}}": [{{entries}}] }""")
                : Request(plan: $$"""{ "{{field}}": [{{entries}}], "items": [{{Item}}] }""");
        }

        // Act
        var accepted = () => AssessmentRequestJson.Parse(Json(32));
        var errors = ErrorsOf(Json(33));

        // Assert
        accepted.Should().NotThrow();
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be($"$.{section}.{field}");
        error.Message.Should().Contain("33").And.Contain("32");
    }

    [Theory]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Deeply_nested_input_is_a_clear_error_not_a_crash(int depth)
    {
        // Arrange
        var json = new string('[', depth) + new string(']', depth);

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$");
        error.Message.Should().Contain("depth");
    }

    [Fact]
    public void Deep_nesting_inside_a_field_is_a_clear_error()
    {
        // Arrange
        var json = Request(patient: $$"""{ "ankylosedRegions": {{new string('[', 50)}}{{new string(']', 50)}} }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Should().ContainSingle().Which.Message.Should().Contain("depth");
    }

    [Fact]
    public void A_two_mebibyte_string_is_a_size_error()
    {
        // Arrange
        var json = Request(patient: $$"""{ "smoker": "{{new string('a', 2 * 1024 * 1024)}}" }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$");
        error.Message.Should().Contain("larger than").And.Contain(AssessmentRequestJson.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_string_under_the_limit_in_characters_but_over_it_in_utf8_bytes_is_a_size_error()
    {
        // Arrange: 600 Ki two-byte characters are 1.2 MB of UTF-8.
        var json = Request(patient: $$"""{ "smoker": "{{new string('é', 600 * 1024)}}" }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Should().ContainSingle().Which.Message.Should().Contain("larger than");
    }

    [Fact]
    public void Two_mebibytes_through_the_byte_and_stream_overloads_are_a_size_error()
    {
        // Arrange
        var bytes = new byte[2 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)' ');
        using var stream = new MemoryStream(bytes);

        // Act
        var fromBytes = () => AssessmentRequestJson.Parse(bytes.AsSpan());
        var fromStream = () => AssessmentRequestJson.Parse(stream);

        // Assert
        fromBytes.Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("larger than");
        fromStream.Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("larger than");
    }

    [Fact]
    public void Invalid_utf8_at_the_start_of_a_value_is_an_error_through_the_byte_span_overload()
    {
        // Arrange
        byte[] bytes = [0xFF, 0xFE, (byte)'{', (byte)'}'];

        // Act
        var act = () => AssessmentRequestJson.Parse(bytes.AsSpan());

        // Assert
        var error = act.Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$");
        error.Message.Should().Contain("not valid");
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Invalid_utf8_inside_a_string_value_is_an_invalid_request_not_a_crash(byte[] badBytes)
    {
        // Arrange
        var bytes = Utf8WithMarker(Request(patient: """{ "ankylosis": "@" }"""), badBytes);

        // Act
        var act = () => AssessmentRequestJson.Parse(bytes.AsSpan());

        // Assert
        var error = act.Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle().Which;
        error.Path.Should().BeOneOf("$", "$.patient.ankylosis");
        error.Message.Should().Contain("UTF-8");
    }

    [Fact]
    public void Invalid_utf8_inside_a_property_name_is_an_invalid_request_not_a_crash()
    {
        // Arrange
        var bytes = Utf8WithMarker(Request(patient: """{ "@": "present" }"""), [0xFF]);

        // Act
        var act = () => AssessmentRequestJson.Parse(bytes.AsSpan());

        // Assert
        act.Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("UTF-8");
    }

    [Theory]
    [InlineData("}")]
    [InlineData(" {}")]
    [InlineData(" []")]
    [InlineData(" x")]
    public void Trailing_content_after_the_request_is_an_error(string trailer)
    {
        // Arrange
        var json = Request() + trailer;

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$");
        error.Message.Should().Contain("not valid JSON");
    }

    [Theory]
    [InlineData("""{ /* note */ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""")]
    [InlineData("""{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } } // note""")]
    [InlineData("""{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs" }, ] } }""")]
    [InlineData("""{ 'patient': {}, 'plan': { 'items': [ { 'technique': 'effleurage', 'region': 'legs' } ] } }""")]
    public void Comments_trailing_commas_and_single_quotes_are_errors(string json)
    {
        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$");
        error.Message.Should().Contain("not valid JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("{")]
    [InlineData("{\"patient\": {}, \"plan\": ")]
    public void Text_that_is_not_json_is_an_error_at_the_root(string text)
    {
        // Act
        var errors = ErrorsOf(text);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$");
        error.Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public void A_reader_error_is_not_repeated_by_validation_at_the_same_path()
    {
        // Arrange: the unknown region is dropped by the reader, so the list is not also reported as contradicting 'absent'.
        var json = Request(patient: """{ "ankylosis": "absent", "ankylosedRegions": ["neck"] }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Should().ContainSingle().Which.Path.Should().Be("$.patient.ankylosedRegions[0]");
    }

    [Fact]
    public void Fused_regions_listed_while_ankylosis_is_absent_are_a_contradiction()
    {
        // Arrange
        var json = Request(patient: """{ "ankylosis": "absent", "ankylosedRegions": ["lumbar"] }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("$.patient.ankylosedRegions");
        error.Message.Should().Contain("absent");
    }

    [Fact]
    public void A_non_spinal_region_listed_while_ankylosis_is_absent_reports_both_problems_as_the_api_does()
    {
        // Arrange
        var json = Request(patient: """{ "ankylosis": "absent", "ankylosedRegions": ["cervical", "legs"] }""");

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Select(e => e.Path).Should().BeEquivalentTo("$.patient.ankylosedRegions[1]", "$.patient.ankylosedRegions");
    }

    [Fact]
    public void The_example_invalid_request_reports_all_four_problems()
    {
        // Arrange
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "invalid-request.json"));

        // Act
        var errors = ErrorsOf(json);

        // Assert
        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "$.patient.diseaseActivty",
            "$.patient.ankylosis",
            "$.patient.painScore",
            "$.plan.items[0].technique");
    }

    [Fact]
    public void A_null_string_is_rejected_as_an_argument_error()
    {
        // Act
        var act = () => AssessmentRequestJson.Parse((string)null!);

        // Assert
        act.Should().Throw<ArgumentNullException>();
    }

    private static string Request(string patient = "{}", string? plan = null) =>
        $$"""{ "patient": {{patient}}, "plan": {{plan ?? Plan(Item)}} }""";

    private static string Plan(params string[] items) => $$"""{ "items": [{{string.Join(", ", items)}}] }""";

    private static IReadOnlyList<InputError> ErrorsOf(string json)
    {
        var act = () => AssessmentRequestJson.Parse(json);
        return act.Should().Throw<InvalidRequestException>().Which.Errors;
    }

    // The UTF-8 of the text with its single '@' replaced by the given bytes.
    private static byte[] Utf8WithMarker(string text, byte[] replacement)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)'@');
        return [.. bytes[..at], .. replacement, .. bytes[(at + 1)..]];
    }
}
