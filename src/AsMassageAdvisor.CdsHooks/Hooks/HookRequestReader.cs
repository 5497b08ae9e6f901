using System.Text.Json;
using System.Text.RegularExpressions;
using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.CdsHooks.Fhir;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Reads a CDS Hooks 2.0 request body. Every problem is collected and reported together, each at the JSON
/// path of the field it concerns; nothing is assessed from a request with a problem.
/// </summary>
internal static partial class HookRequestReader
{
    /// <summary>Reads and checks a hook request.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidRequestException">The body is not a usable hook request; every problem is named.</exception>
    public static HookRequest Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestException([new InputError("$", "is not valid JSON: " + ex.Message)]);
        }

        using (document)
        {
            var problems = new List<InputError>();
            var request = Read(document.RootElement, problems);
            if (problems.Count > 0 || request is null)
            {
                throw new InvalidRequestException(problems.Count > 0 ? problems : [new InputError("$", "is not a hook request")]);
            }

            return request;
        }
    }

    private static HookRequest? Read(JsonElement root, List<InputError> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputError("$", "must be a JSON object (a CDS Hooks request)"));
            return null;
        }

        var hook = RequiredString(root, "hook", "$.hook", problems);
        if (hook is not null && !CdsServiceCatalogue.AcceptedHooks.Contains(hook, StringComparer.Ordinal))
        {
            problems.Add(new InputError("$.hook", $"'{hook}' is not served here; this service answers "
                + string.Join(" and ", CdsServiceCatalogue.AcceptedHooks)));
        }

        var hookInstance = RequiredString(root, "hookInstance", "$.hookInstance", problems);
        if (hookInstance is not null && !Guid.TryParseExact(hookInstance, "D", out _))
        {
            problems.Add(new InputError("$.hookInstance", "must be a UUID"));
        }

        var fhirServer = ReadFhirServer(root, problems);
        var accessToken = ReadAuthorization(root, fhirServer is not null || root.TryGetProperty("fhirServer", out _), problems);

        string? patientId = null;
        Bundle? draftOrders = null;
        if (!root.TryGetProperty("context", out var context))
        {
            problems.Add(new InputError("$.context", "is required"));
        }
        else if (context.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputError("$.context", "must be an object"));
        }
        else
        {
            patientId = RequiredString(context, "patientId", "$.context.patientId", problems);
            if (patientId is not null && !FhirId().IsMatch(patientId))
            {
                problems.Add(new InputError("$.context.patientId", "must be a FHIR id (letters, digits, '-' and '.', at most 64)"));
                patientId = null;
            }

            draftOrders = ReadDraftOrders(context, problems);
            if (context.TryGetProperty("selections", out var selections)
                && (selections.ValueKind != JsonValueKind.Array || selections.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String)))
            {
                problems.Add(new InputError("$.context.selections", "must be an array of strings"));
            }
        }

        var prefetch = ReadPrefetch(root, problems);

        if (problems.Count > 0)
        {
            return null;
        }

        return new HookRequest(hook!, hookInstance!, fhirServer, accessToken, patientId!, draftOrders!, prefetch);
    }

    private static Uri? ReadFhirServer(JsonElement root, List<InputError> problems)
    {
        if (!root.TryGetProperty("fhirServer", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
        {
            return uri;
        }

        problems.Add(new InputError("$.fhirServer", "must be an absolute http or https address without query or fragment"));
        return null;
    }

    private static string? ReadAuthorization(JsonElement root, bool hasFhirServer, List<InputError> problems)
    {
        if (!root.TryGetProperty("fhirAuthorization", out var authorization))
        {
            return null;
        }

        if (authorization.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputError("$.fhirAuthorization", "must be an object"));
            return null;
        }

        if (!hasFhirServer)
        {
            problems.Add(new InputError("$.fhirAuthorization", "is given without fhirServer; a token needs the server it is for"));
        }

        var token = RequiredString(authorization, "access_token", "$.fhirAuthorization.access_token", problems);
        if (authorization.TryGetProperty("token_type", out var type)
            && !(type.ValueKind == JsonValueKind.String && string.Equals(type.GetString(), "Bearer", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new InputError("$.fhirAuthorization.token_type", "must be 'Bearer'"));
        }

        return token;
    }

    private static Bundle? ReadDraftOrders(JsonElement context, List<InputError> problems)
    {
        if (!context.TryGetProperty("draftOrders", out var value))
        {
            problems.Add(new InputError("$.context.draftOrders", "is required (a Bundle of the draft orders)"));
            return null;
        }

        var resource = FhirResourceReader.Read(value, "$.context.draftOrders", problems);
        if (resource is null)
        {
            return null;
        }

        if (resource is not Bundle bundle)
        {
            problems.Add(new InputError("$.context.draftOrders", $"must be a Bundle, not {resource.TypeName}"));
            return null;
        }

        return bundle;
    }

    private static Dictionary<string, Resource?> ReadPrefetch(JsonElement root, List<InputError> problems)
    {
        var prefetch = new Dictionary<string, Resource?>(StringComparer.Ordinal);
        if (!root.TryGetProperty("prefetch", out var value))
        {
            return prefetch;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputError("$.prefetch", "must be an object"));
            return prefetch;
        }

        foreach (var key in CdsServiceCatalogue.Prefetch.Keys)
        {
            if (!value.TryGetProperty(key, out var item))
            {
                continue;
            }

            prefetch[key] = item.ValueKind == JsonValueKind.Null
                ? null
                : FhirResourceReader.Read(item, "$.prefetch." + key, problems);
        }

        return prefetch;
    }

    private static string? RequiredString(JsonElement parent, string name, string path, List<InputError> problems)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            problems.Add(new InputError(path, "is required"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new InputError(path, "must be a non-empty string"));
            return null;
        }

        return value.GetString();
    }

    // At least one letter or digit: an id of dots alone ("..") would climb out of the FHIR server's base address.
    [GeneratedRegex("^(?=[\\-.]*[A-Za-z0-9])[A-Za-z0-9\\-.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();
}
