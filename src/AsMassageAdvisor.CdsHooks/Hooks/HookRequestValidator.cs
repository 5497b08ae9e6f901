using System.Text.RegularExpressions;
using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.Reading;
using FluentValidation;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// The meaning checks of a hook request: a hook this service serves, a UUID for the call, an http(s) FHIR server
/// address without query or fragment, a bearer token only with the server it is for, and a patient id that is a FHIR
/// id. The reader checks the form (fields, types); the property names here are the JSON paths of the fields.
/// </summary>
internal sealed partial class HookRequestValidator : AbstractValidator<HookRequestFacts>
{
    public HookRequestValidator()
    {
        RuleFor(r => r.Hook)
            .Must(h => CdsServiceCatalogue.AcceptedHooks.Contains(h!, StringComparer.Ordinal))
            .When(r => r.Hook is not null)
            .WithMessage(r => $"'{r.Hook}' is not served here; this service answers " + string.Join(" and ", CdsServiceCatalogue.AcceptedHooks))
            .WithErrorCode(InputErrorCodes.NotAllowedValue)
            .OverridePropertyName("$.hook");
        RuleFor(r => r.HookInstance)
            .Must(i => Guid.TryParseExact(i, "D", out _))
            .When(r => r.HookInstance is not null)
            .WithMessage("must be a UUID")
            .WithErrorCode(InputErrorCodes.InvalidValue)
            .OverridePropertyName("$.hookInstance");
        RuleFor(r => r.FhirServer)
            .Must(IsServerAddress)
            .When(r => r.HasFhirServer)
            .WithMessage("must be an absolute http or https address without query or fragment")
            .WithErrorCode(InputErrorCodes.InvalidValue)
            .OverridePropertyName("$.fhirServer");
        RuleFor(r => r.HasFhirServer)
            .Equal(true)
            .When(r => r.HasAuthorization)
            .WithMessage("is given without fhirServer; a token needs the server it is for")
            .WithErrorCode(InputErrorCodes.Required)
            .OverridePropertyName("$.fhirAuthorization");
        RuleFor(r => r.TokenType)
            .Must(t => string.Equals(t, "Bearer", StringComparison.OrdinalIgnoreCase))
            .When(r => r.HasTokenType)
            .WithMessage("must be 'Bearer'")
            .WithErrorCode(InputErrorCodes.NotAllowedValue)
            .OverridePropertyName("$.fhirAuthorization.token_type");
        RuleFor(r => r.PatientId)
            .Must(id => FhirId().IsMatch(id!))
            .When(r => r.PatientId is not null)
            .WithMessage("must be a FHIR id (letters, digits, '-' and '.', at most 64)")
            .WithErrorCode(InputErrorCodes.InvalidValue)
            .OverridePropertyName("$.context.patientId");
    }

    private static bool IsServerAddress(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    // At least one letter or digit: an id of dots alone ("..") would climb out of the FHIR server's base address.
    [GeneratedRegex("^(?=[\\-.]*[A-Za-z0-9])[A-Za-z0-9\\-.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();
}
