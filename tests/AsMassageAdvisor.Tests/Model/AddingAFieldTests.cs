using System.Text.Json;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Validation;
using FluentValidation;

namespace AsMassageAdvisor.Tests.Model;

/// <summary>
/// A field of the request is defined once, in the model. These add a field to a copy of the patient's status, as a
/// newcomer would add it to the model (the property and its <see cref="RequestFieldAttribute"/>, nothing else), and
/// show that its JSON name, its reading, its validity, its trigger words, its question when unknown and its schema all
/// follow from that one place.
/// </summary>
public sealed class AddingAFieldTests
{
    [Fact]
    public void The_new_field_has_its_json_name_and_its_place_among_the_facts()
    {
        RequestFields.For<PatientWithANewField>().Select(f => f.JsonName)
            .Should().Equal("diseaseActivity", "exercisesRegularly", "neurologicalSymptoms");
    }

    [Fact]
    public void The_reader_reads_the_new_field_by_its_type()
    {
        var field = RequestTreeReader.FieldsOf<PatientWithANewField>().Single(f => f.Name == "exercisesRegularly");
        var reader = new RequestTreeReader();

        var read = field.Read(reader, new PatientWithANewField(), JsonDocument.Parse("\"yes\"").RootElement, "$.patient.exercisesRegularly");

        read.ExercisesRegularly.Should().Be(Answer.Yes);
        reader.Errors.Should().BeEmpty();
    }

    [Fact]
    public void The_reader_names_a_wrong_value_of_the_new_field_with_its_path()
    {
        var field = RequestTreeReader.FieldsOf<PatientWithANewField>().Single(f => f.Name == "exercisesRegularly");
        var reader = new RequestTreeReader();

        field.Read(reader, new PatientWithANewField(), JsonDocument.Parse("\"often\"").RootElement, "$.patient.exercisesRegularly");

        reader.Errors.Should().ContainSingle().Which.Path.Should().Be("$.patient.exercisesRegularly");
    }

    [Fact]
    public void The_validator_and_the_quick_screen_both_check_the_new_fields_value()
    {
        var broken = new PatientWithANewField { ExercisesRegularly = (Answer)9 };

        new CopyValidator().Validate(broken).Errors.Select(e => e.PropertyName).Should().Equal(nameof(PatientWithANewField.ExercisesRegularly));
        DefinedValues.AllDefined(broken).Should().BeFalse();
        DefinedValues.AllDefined(new PatientWithANewField { ExercisesRegularly = Answer.No }).Should().BeTrue();
    }

    [Fact]
    public void An_unknown_new_field_is_an_unknown_fact_with_the_models_question()
    {
        var field = RequestFields.For<PatientWithANewField>().Single(f => f.JsonName == "exercisesRegularly");

        field.IsUnknownOn(new PatientWithANewField()).Should().BeTrue();
        field.IsUnknownOn(new PatientWithANewField { ExercisesRegularly = Answer.No }).Should().BeFalse();
        field.About.Question.Should().Be("Does the patient exercise regularly?");
    }

    [Fact]
    public void The_new_field_is_put_in_words_as_a_trigger()
    {
        var field = RequestFields.For<PatientWithANewField>().Single(f => f.JsonName == "exercisesRegularly");
        var patient = new PatientWithANewField { ExercisesRegularly = Answer.Yes };

        TriggerVocabulary.WordsOf(field, patient, plain: false).Should().Be("exercises regularly: yes");
        TriggerVocabulary.WordsOf(field, patient, plain: true).Should().StartWith("exercises regularly: ");
    }

    [Fact]
    public void The_schema_names_the_new_field()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Default)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(PatientWithANewField));

        schema["properties"]!.AsObject().Select(p => p.Key).Should().Contain("exercisesRegularly");
        schema["properties"]!["exercisesRegularly"]!["enum"]!.AsArray().Select(v => (string?)v).Should().Contain(["yes", "no", "unknown"]);
    }

    /// <summary>A copy of the model's patient status, cut to three fields, with one field added.</summary>
    private sealed record PatientWithANewField
    {
        [RequestField(1, Trigger = "disease activity", Question = "Is the patient's condition stable at the moment, or in a flare?", QuestionRank = 2)]
        public DiseaseActivity DiseaseActivity { get; init; }

        // The field added: this property and its attribute are the whole change.
        [RequestField(2, Trigger = "exercises regularly", Question = "Does the patient exercise regularly?", QuestionRank = 15)]
        public Answer ExercisesRegularly { get; init; }

        [RequestField(3, Trigger = "neurological symptoms", Question = "Has the patient had new or worsening weakness, numbness or tingling?", QuestionRank = 1)]
        public IReadOnlyList<NeurologicalSymptom>? NeurologicalSymptoms { get; init; }
    }

    private sealed class CopyValidator : AbstractValidator<PatientWithANewField>
    {
        public CopyValidator() => DefinedValues.AddRules(this);
    }
}
