using System.Text.Json;
using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.CdsHooks.FhirServer;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Reads a CDS Hooks 2.0 request body: its form here, through the strict-reading core, and the meaning of its
/// fields in <see cref="HookRequestValidator"/>. Every problem is collected and reported together, each at the
/// JSON path of the field it concerns; nothing is assessed from a request with a problem.
/// </summary>
internal static class HookRequestReader
{
    // An escaped unpaired surrogate (\ud800) is valid JSON but cannot become .NET text.
    private const string NotText = "is not valid text (an unpaired surrogate escape such as \\ud800)";

    private static readonly HookRequestValidator Validator = new();

    // The fields of a CDS Hooks 2.0 request, of its authorization and of the order-select and order-sign contexts.
    private static readonly string[] RequestFields = ["hook", "hookInstance", "fhirServer", "fhirAuthorization", "context", "prefetch", "extension"];
    private static readonly string[] AuthorizationFields = ["access_token", "token_type", "expires_in", "scope", "subject", "patient"];
    private static readonly string[] ContextFields = ["userId", "patientId", "encounterId", "selections", "draftOrders"];

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
            throw new InvalidRequestException([new InputError("$", "is not valid JSON: " + ex.Message, InputErrorCodes.InvalidJson)]);
        }

        using (document)
        {
            var json = new StrictJson(ProblemResults.MaxListed);
            var problems = json.Errors;
            var request = Read(document.RootElement, json);
            json.Finish();
            if (problems.Count > 0 || request is null)
            {
                throw new InvalidRequestException(problems.Count > 0 ? problems : [new InputError("$", "is not a hook request")]);
            }

            return request;
        }
    }

    private static HookRequest? Read(JsonElement element, StrictJson json)
    {
        var problems = json.Errors;
        if (json.Object(element, "$", RequestFields, "must be a JSON object (a CDS Hooks request)") is not { } root)
        {
            return null;
        }

        var hook = RequiredString(root, "hook", "$.hook", problems);
        var hookInstance = RequiredString(root, "hookInstance", "$.hookInstance", problems);
        var hasFhirServer = root.TryGetValue("fhirServer", out var server);
        string? fhirServer = null;
        if (server.ValueKind == JsonValueKind.String)
        {
            if (StrictJson.TryText(server.GetString, out var text))
            {
                fhirServer = text;
            }
            else
            {
                // Named once here; the validator is not asked about an address that is not text.
                problems.Add(new InputError("$.fhirServer", NotText, InputErrorCodes.InvalidUtf8));
                hasFhirServer = false;
            }
        }
        var (hasAuthorization, accessToken, hasTokenType, tokenType) = ReadAuthorization(root, json);

        string? patientId = null;
        Bundle? draftOrders = null;
        if (!root.TryGetValue("context", out var contextElement))
        {
            problems.Add(new InputError("$.context", "is required", InputErrorCodes.Required));
        }
        else if (json.Object(contextElement, "$.context", ContextFields, "must be an object") is { } context)
        {
            patientId = RequiredString(context, "patientId", "$.context.patientId", problems);
            draftOrders = ReadDraftOrders(context, problems);
            if (context.TryGetValue("selections", out var selections)
                && (selections.ValueKind != JsonValueKind.Array || selections.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String)))
            {
                problems.Add(new InputError("$.context.selections", "must be an array of strings", InputErrorCodes.WrongType));
            }
        }

        var prefetch = ReadPrefetch(root, json);

        var facts = new HookRequestFacts(hook, hookInstance, fhirServer, hasFhirServer, hasAuthorization, tokenType, hasTokenType, patientId);
        problems.AddRange(Validator.Validate(facts).Errors.Select(f => new InputError(f.PropertyName, f.ErrorMessage, f.ErrorCode)));
        if (problems.Count > 0)
        {
            return null;
        }

        return new HookRequest(hook!, hookInstance!, fhirServer is null ? null : new Uri(fhirServer), accessToken, patientId!, draftOrders!, prefetch);
    }

    private static (bool Given, string? Token, bool HasType, string? Type) ReadAuthorization(Dictionary<string, JsonElement> root, StrictJson json)
    {
        if (!root.TryGetValue("fhirAuthorization", out var value))
        {
            return (false, null, false, null);
        }

        if (json.Object(value, "$.fhirAuthorization", AuthorizationFields, "must be an object") is not { } authorization)
        {
            return (true, null, false, null);
        }

        var token = RequiredString(authorization, "access_token", "$.fhirAuthorization.access_token", json.Errors);
        var hasType = authorization.TryGetValue("token_type", out var type);
        return (true, token, hasType, hasType && type.ValueKind == JsonValueKind.String && StrictJson.TryText(type.GetString, out var text) ? text : null);
    }

    private static Bundle? ReadDraftOrders(Dictionary<string, JsonElement> context, List<InputError> problems)
    {
        if (!context.TryGetValue("draftOrders", out var value))
        {
            problems.Add(new InputError("$.context.draftOrders", "is required (a Bundle of the draft orders)", InputErrorCodes.Required));
            return null;
        }

        // Past the listed problems the answer is already a 400: the FHIR, the costly part, is not read.
        if (problems.Count >= ProblemResults.MaxListed)
        {
            return null;
        }

        var resource = FhirResourceReader.Read(value, "$.context.draftOrders", problems);
        if (resource is null)
        {
            return null;
        }

        if (resource is not Bundle bundle)
        {
            problems.Add(new InputError("$.context.draftOrders", $"must be a Bundle, not {resource.TypeName}", InputErrorCodes.WrongType));
            return null;
        }

        return bundle;
    }

    private static Dictionary<string, Resource?> ReadPrefetch(Dictionary<string, JsonElement> root, StrictJson json)
    {
        var prefetch = new Dictionary<string, Resource?>(StringComparer.Ordinal);
        if (!root.TryGetValue("prefetch", out var value)
            || json.Object(value, "$.prefetch", [.. CdsServiceCatalogue.Prefetch.Keys], "must be an object") is not { } given)
        {
            return prefetch;
        }

        var problems = json.Errors;
        foreach (var key in CdsServiceCatalogue.Prefetch.Keys)
        {
            if (!given.TryGetValue(key, out var item) || problems.Count >= ProblemResults.MaxListed)
            {
                continue;
            }

            prefetch[key] = item.ValueKind == JsonValueKind.Null
                ? null
                : FhirResourceReader.Read(item, "$.prefetch." + key, problems);
        }

        return prefetch;
    }

    private static string? RequiredString(Dictionary<string, JsonElement> parent, string name, string path, List<InputError> problems)
    {
        if (!parent.TryGetValue(name, out var value))
        {
            problems.Add(new InputError(path, "is required", InputErrorCodes.Required));
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && !StrictJson.TryText(value.GetString, out _))
        {
            problems.Add(new InputError(path, NotText, InputErrorCodes.InvalidUtf8));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new InputError(path, "must be a non-empty string", InputErrorCodes.WrongType));
            return null;
        }

        return value.GetString();
    }
}
