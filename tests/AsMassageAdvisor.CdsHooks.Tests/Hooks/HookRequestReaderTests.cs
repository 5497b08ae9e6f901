using System.Text;
using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>The hook request is read as strictly as an assessment request, by the same core.</summary>
public sealed class HookRequestReaderTests
{
    [Fact]
    public void A_well_formed_hook_request_is_read()
    {
        var request = HookRequestReader.Read(Encoding.UTF8.GetBytes(SmallRequests.Request().ToJsonString()));

        request.PatientId.Should().Be(SmallRequests.PatientId);
    }

    [Fact]
    public void A_misspelt_field_is_named_with_the_nearest_known_one()
    {
        var body = SmallRequests.Request();
        body["hookInstence"] = body["hookInstance"]!.DeepClone();

        var errors = ErrorsOf(body.ToJsonString());

        errors.Should().ContainSingle(e => e.Path == "$.hookInstence").Which.Should().Match<InputError>(e =>
            e.Code == InputErrorCodes.UnknownField && e.Message.StartsWith("unknown field; did you mean 'hookInstance'?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_context_field_is_named_with_its_path()
    {
        var body = SmallRequests.Request();
        body["context"]!["patientID"] = "p1";

        ErrorsOf(body.ToJsonString()).Should().ContainSingle(e => e.Path == "$.context.patientID")
            .Which.Message.Should().Contain("did you mean 'patientId'?");
    }

    [Fact]
    public void A_field_given_twice_is_a_problem_not_a_silent_choice()
    {
        var json = SmallRequests.Request().ToJsonString();
        json = "{\"hook\":\"order-select\"," + json[1..];

        ErrorsOf(json).Should().ContainSingle(e => e.Code == InputErrorCodes.DuplicateField)
            .Which.Path.Should().Be("$.hook");
    }

    [Fact]
    public void Every_problem_is_named_each_with_its_path_and_code()
    {
        var body = SmallRequests.Request();
        body.Remove("hook");
        body["hookInstance"] = "not a uuid";
        body["colour"] = "red";

        ErrorsOf(body.ToJsonString()).Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(
        [
            ("$.colour", InputErrorCodes.UnknownField),
            ("$.hook", InputErrorCodes.Required),
            ("$.hookInstance", InputErrorCodes.InvalidValue),
        ]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"hook\":5,\"hookInstance\":\"x\",\"context\":{\"patientId\":\"..\",\"selections\":[1]},\"prefetch\":{\"patiant\":{}},\"fhirAuthorization\":{\"token_type\":\"MAC\"}}")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"8f0b3f5e-2f7c-4a43-9d71-3c1f1b9f2a10\",\"fhirServer\":\"ftp://x\",\"context\":[]}")]
    public void Every_code_the_reader_gives_is_one_of_the_documented_codes(string json)
    {
        ErrorsOf(json).Should().NotBeEmpty().And.OnlyContain(e => InputErrorCodes.All.Contains(e.Code));
    }

    private static IReadOnlyList<InputError> ErrorsOf(string json)
    {
        var read = () => HookRequestReader.Read(Encoding.UTF8.GetBytes(json));

        return read.Should().Throw<InvalidRequestException>().Which.Errors;
    }
}
