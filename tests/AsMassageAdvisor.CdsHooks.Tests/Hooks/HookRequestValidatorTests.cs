using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>The meaning checks of a hook request, each at the JSON path of its field and with a stable code.</summary>
public sealed class HookRequestValidatorTests
{
    private static readonly HookRequestFacts Valid = new(
        "order-sign", "3f1d9a52-6c1e-4a55-9b0e-2f6f8f0d1c77", "https://ehr.example.org/fhir", HasFhirServer: true,
        HasAuthorization: true, TokenType: "Bearer", HasTokenType: true, PatientId: "p1");

    public static TheoryData<string, string, string> Broken => new()
    {
        { "hook", "$.hook", InputErrorCodes.NotAllowedValue },
        { "hookInstance", "$.hookInstance", InputErrorCodes.InvalidValue },
        { "fhirServer", "$.fhirServer", InputErrorCodes.InvalidValue },
        { "authorization without server", "$.fhirAuthorization", InputErrorCodes.Required },
        { "token type", "$.fhirAuthorization.token_type", InputErrorCodes.NotAllowedValue },
        { "patientId", "$.context.patientId", InputErrorCodes.InvalidValue },
    };

    [Fact]
    public void A_request_whose_fields_mean_what_they_should_passes()
    {
        new HookRequestValidator().Validate(Valid).Errors.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_meaning_check_names_its_field_and_code(string broken, string path, string code)
    {
        var facts = broken switch
        {
            "hook" => Valid with { Hook = "patient-view" },
            "hookInstance" => Valid with { HookInstance = "call-1" },
            "fhirServer" => Valid with { FhirServer = "ftp://example.org/fhir?x=1" },
            "authorization without server" => Valid with { FhirServer = null, HasFhirServer = false },
            "token type" => Valid with { TokenType = "MAC" },
            _ => Valid with { PatientId = ".." },
        };

        var errors = new HookRequestValidator().Validate(facts).Errors;

        errors.Should().ContainSingle().Which.Should().Match<FluentValidation.Results.ValidationFailure>(f => f.PropertyName == path && f.ErrorCode == code);
        InputErrorCodes.All.Should().Contain(code);
    }
}
