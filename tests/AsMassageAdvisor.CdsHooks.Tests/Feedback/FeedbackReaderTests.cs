using System.Text;
using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.Reading;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Tests.Feedback;

/// <summary>A feedback body is read as strictly as an assessment request, by the same core.</summary>
public sealed class FeedbackReaderTests
{
    private const string Card = "8f0b3f5e-2f7c-4a43-9d71-3c1f1b9f2a10";

    [Fact]
    public void A_misspelt_entry_field_is_named_with_the_nearest_known_one()
    {
        var errors = ErrorsOf($"{{\"feedback\":[{{\"card\":\"{Card}\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T09:30:00Z\",\"overideReason\":{{}}}}]}}");

        errors.Should().ContainSingle(e => e.Path == "$.feedback[0].overideReason").Which.Should().Match<InputError>(e =>
            e.Code == InputErrorCodes.UnknownField && e.Message.StartsWith("unknown field; did you mean 'overrideReason'?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_top_level_field_is_named_with_the_nearest_known_one()
    {
        ErrorsOf("{\"feedbak\":[]}").Should().Contain(e => e.Path == "$.feedbak" && e.Message.Contains("did you mean 'feedback'?", StringComparison.Ordinal))
            .And.Contain(e => e.Path == "$.feedback" && e.Code == InputErrorCodes.Required);
    }

    [Fact]
    public void A_field_given_twice_is_a_problem_not_a_silent_choice()
    {
        var errors = ErrorsOf($"{{\"feedback\":[{{\"card\":\"{Card}\",\"card\":\"{Card}\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T09:30:00Z\"}}]}}");

        errors.Should().Contain(e => e.Path == "$.feedback[0].card" && e.Code == InputErrorCodes.DuplicateField);
    }

    [Fact]
    public void A_coding_with_an_unknown_field_is_named_at_its_path()
    {
        var errors = ErrorsOf($"{{\"feedback\":[{{\"card\":\"{Card}\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T09:30:00Z\",\"overrideReason\":{{\"reason\":{{\"code\":\"x\",\"sytem\":\"y\"}}}}}}]}}");

        errors.Should().Contain(e => e.Path == "$.feedback[0].overrideReason.reason.sytem" && e.Message.Contains("did you mean 'system'?", StringComparison.Ordinal));
    }

    private static IReadOnlyList<InputError> ErrorsOf(string json)
    {
        var issued = new IssuedCards(Options.Create(new CdsHooksOptions()));

        var read = () => FeedbackReader.Read(Encoding.UTF8.GetBytes(json), issued);

        return read.Should().Throw<InvalidRequestException>().Which.Errors;
    }
}
