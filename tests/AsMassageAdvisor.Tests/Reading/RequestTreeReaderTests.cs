using System.Text;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Reading;

/// <summary>The wording and the limits of the reader's problem reports.</summary>
public sealed class RequestTreeReaderTests
{
    private const string Plan = "\"plan\":{\"items\":[{\"technique\":\"effleurage\",\"region\":\"legs\",\"pressure\":\"light\"}]}";

    [Theory]
    [InlineData(100, null)]
    [InlineData(101, "and 1 more problem not listed")]
    [InlineData(150, "and 50 more problems not listed")]
    public void At_most_one_hundred_problems_are_listed_and_the_rest_are_counted(int unknownFields, string? countLine)
    {
        var fields = string.Join(",", Enumerable.Range(0, unknownFields).Select(i => $"\"zz{i}\":1"));

        var errors = ErrorsOf($"{{\"patient\":{{{fields}}},{Plan}}}");

        if (countLine is null)
        {
            errors.Should().HaveCount(unknownFields).And.OnlyContain(e => e.Message.StartsWith("unknown field", StringComparison.Ordinal));
        }
        else
        {
            errors.Should().HaveCount(101);
            errors.Take(100).Should().OnlyContain(e => e.Message.StartsWith("unknown field", StringComparison.Ordinal));
            errors[^1].Should().Be(new InputError("$", countLine, InputErrorCodes.TooMany));
        }
    }

    [Fact]
    public void An_unknown_field_names_the_allowed_ones_and_suggests_the_nearest()
    {
        var error = ErrorsOf($"{{\"patient\":{{\"smoekr\":\"no\"}},{Plan}}}").Should().ContainSingle().Which;

        error.Path.Should().Be("$.patient.smoekr");
        error.Message.Should().StartWith("unknown field; did you mean 'smoker'? Allowed here: diseaseActivity, ankylosis, ");
    }

    [Fact]
    public void A_field_name_far_from_every_known_one_gets_no_suggestion()
    {
        ErrorsOf($"{{\"patient\":{{\"qqqqqqqqqqqq\":1}},{Plan}}}").Should().ContainSingle()
            .Which.Message.Should().StartWith("unknown field Allowed here: ");
    }

    [Theory]
    [InlineData("a-b", "$.patient['a-b']")]
    [InlineData("it's", "$.patient['it\\'s']")]
    [InlineData("line\nbreak", "$.patient['line\\u000abreak']")]
    [InlineData("", "$.patient['']")]
    public void An_unusual_field_name_is_shown_bracketed_and_escaped(string name, string path)
    {
        var json = $"{{\"patient\":{{{System.Text.Json.JsonSerializer.Serialize(name)}:1}},{Plan}}}";

        ErrorsOf(json).Should().ContainSingle().Which.Path.Should().Be(path);
    }

    [Fact]
    public void A_field_name_of_sixty_four_letters_is_dotted_and_one_of_sixty_five_is_bracketed()
    {
        var sixtyFour = new string('a', 64);
        var sixtyFive = new string('a', 65);

        ErrorsOf($"{{\"patient\":{{\"{sixtyFour}\":1}},{Plan}}}").Single().Path.Should().Be("$.patient." + sixtyFour);
        ErrorsOf($"{{\"patient\":{{\"{sixtyFive}\":1}},{Plan}}}").Single().Path.Should().Be($"$.patient['{new string('a', 40)}…']");
    }

    [Theory]
    [InlineData("{}", "an object")]
    [InlineData("[]", "an array")]
    [InlineData("\"five\"", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null (leave the field out when it is unknown)")]
    public void A_pain_score_of_the_wrong_kind_names_what_it_got(string value, string kind)
    {
        ErrorsOf($"{{\"patient\":{{\"painScore\":{value}}},{Plan}}}").Should().ContainSingle()
            .Which.Message.Should().Be($"must be a whole number, not {kind}");
    }

    [Theory]
    [InlineData("2.5", "must be a whole number, not 2.5")]
    [InlineData("1e400", "must be a whole number, not 1e400")]
    [InlineData("123456789012345678901234567890123456789012345", "must be a whole number, not 1234567890123456789012345678901234567890…")]
    public void A_pain_score_that_is_not_a_whole_number_is_shown_shortened(string value, string message)
    {
        ErrorsOf($"{{\"patient\":{{\"painScore\":{value}}},{Plan}}}").Should().ContainSingle().Which.Message.Should().Be(message);
    }

    [Fact]
    public void An_enum_of_the_wrong_kind_lists_the_allowed_values()
    {
        ErrorsOf($"{{\"patient\":{{\"smoker\":[]}},{Plan}}}").Should().ContainSingle()
            .Which.Message.Should().Be("must be a string, not an array; allowed values: unknown, yes, no");
    }

    [Fact]
    public void A_missing_region_is_named_at_its_item()
    {
        var errors = ErrorsOf("{\"plan\":{\"items\":[{\"technique\":\"effleurage\",\"pressure\":\"light\"}]}}");

        errors.Should().Contain(e => e.Path == "$.plan.items[0].region");
    }

    [Fact]
    public void Printable_escapes_control_format_and_quote_characters_and_keeps_the_rest()
    {
        RequestTreeReader.Printable("a\u0001b\u200bc'd\\e\u2028f\ud800").Should().Be("a\\u0001b\\u200bc\\'d\\\\e\\u2028f\\ud800");
        RequestTreeReader.Printable(new string('x', 40)).Should().Be(new string('x', 40));
        RequestTreeReader.Printable(new string('x', 41)).Should().Be(new string('x', 40) + "…");
    }

    [Fact]
    public void The_exception_message_counts_the_problems_and_lists_each_on_its_own_line()
    {
        var one = new InvalidRequestException([new InputError("$.a", "is wrong")]);
        var two = new InvalidRequestException([new InputError("$.a", "is wrong"), new InputError("$.b", "is missing")]);

        one.Message.Should().Be($"The request is invalid (1 problem):{Environment.NewLine}  $.a: is wrong");
        two.Message.Should().Be($"The request is invalid (2 problems):{Environment.NewLine}  $.a: is wrong{Environment.NewLine}  $.b: is missing");
        FluentActions.Invoking(() => new InvalidRequestException([])).Should().Throw<ArgumentException>().WithMessage("An invalid request has at least one problem.*");
        FluentActions.Invoking(() => new InvalidRequestException(null!)).Should().Throw<ArgumentNullException>();
    }

    private static IReadOnlyList<InputError> ErrorsOf(string json) =>
        FluentActions.Invoking(() => AssessmentRequestJson.Parse(Encoding.UTF8.GetBytes(json))).Should().Throw<InvalidRequestException>().Which.Errors;
}
