using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.CdsHooks.FhirServer;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Gathers the patient's data for a hook call: what was prefetched, and what was not, fetched from the
/// client's FHIR server. A key that was not prefetched, that came as an OperationOutcome (the client's
/// prefetch failed), or whose search result has a further page, is missing; missing data that cannot be
/// fetched ends the call with 412, never with a guess.
/// </summary>
internal sealed class PatientDataResolver(
    IHttpClientFactory httpClients,
    IOptions<CdsHooksOptions> options,
    IHostEnvironment environment,
    ILogger<PatientDataResolver> logger)
{
    private static readonly Dictionary<string, Type> ExpectedType = new(StringComparer.Ordinal)
    {
        [CdsServiceCatalogue.PatientKey] = typeof(Patient),
        [CdsServiceCatalogue.ConditionsKey] = typeof(Condition),
        [CdsServiceCatalogue.ObservationsKey] = typeof(Observation),
        [CdsServiceCatalogue.MedicationStatementsKey] = typeof(MedicationStatement),
        [CdsServiceCatalogue.MedicationRequestsKey] = typeof(MedicationRequest),
    };

    /// <summary>Returns the patient, conditions and observations of the call, prefetched or fetched.</summary>
    /// <param name="request">The hook call.</param>
    /// <param name="cancellationToken">Cancels the work (the caller went away).</param>
    /// <returns>The resources, by prefetch key in the order of the discovery document.</returns>
    /// <exception cref="RequiredDataUnavailableException">Some data is missing and cannot be fetched.</exception>
    /// <exception cref="InvalidRequestException">Prefetched data is of the wrong kind.</exception>
    public async Task<IReadOnlyList<Resource>> ResolveAsync(HookRequest request, CancellationToken cancellationToken)
    {
        var missing = CdsServiceCatalogue.RequiredKeys
            .Where(key => !request.Prefetch.TryGetValue(key, out var value) || IsUnusable(value))
            .ToList();

        var fetched = missing.Count == 0
            ? new Dictionary<string, IReadOnlyList<Resource>>(StringComparer.Ordinal)
            : await FetchAsync(request, missing, cancellationToken);

        var problems = new List<InputError>();
        var resources = new List<Resource>();
        foreach (var key in CdsServiceCatalogue.Prefetch.Keys)
        {
            if (fetched.TryGetValue(key, out var fromServer))
            {
                var wrong = Keep(key, fromServer, resources);
                if (wrong is not null)
                {
                    // The client's server answered with the wrong kind of data: the data is still missing.
                    throw new RequiredDataUnavailableException(
                        $"Required data '{key}' could not be fetched: the FHIR server answered with a {wrong}, not {ExpectedType[key].Name} resources.",
                        [key]);
                }
            }
            else if (!request.Prefetch.TryGetValue(key, out var sent) || IsUnusable(sent))
            {
                // An optional key that was not sent (or came incomplete): its facts stay unknown.
                continue;
            }
            else if (Keep(key, Unpack(sent), resources) is { } wrong)
            {
                problems.Add(new InputError("$.prefetch." + key, $"holds a {wrong}; only {ExpectedType[key].Name} resources belong here"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        return resources;
    }

    /// <summary>Adds the resources of one key; returns the type name of the first resource of the wrong type, if any.</summary>
    private static string? Keep(string key, IEnumerable<Resource> items, List<Resource> resources)
    {
        foreach (var resource in items)
        {
            if (resource is OperationOutcome)
            {
                // A search's own notes (Bundle.entry.search.mode = outcome); not patient data.
                continue;
            }

            if (resource.GetType() != ExpectedType[key])
            {
                return resource.TypeName;
            }

            resources.Add(resource);
        }

        return null;
    }

    private static bool IsUnusable(Resource? value) =>
        value is OperationOutcome
        || (value is Bundle bundle && bundle.Link.Any(l => string.Equals(l.Relation, "next", StringComparison.Ordinal)));

    private static IEnumerable<Resource> Unpack(Resource? value) => value switch
    {
        null => [],
        Bundle bundle => bundle.Entry.Select(e => e.Resource).OfType<Resource>(),
        _ => [value],
    };

    private async Task<Dictionary<string, IReadOnlyList<Resource>>> FetchAsync(
        HookRequest request, List<string> missing, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (request.FhirServer is null)
        {
            throw new RequiredDataUnavailableException(
                $"Required prefetch {Quote(missing)} {(missing.Count == 1 ? "was" : "were")} not sent (or came incomplete), "
                + "and the request names no fhirServer to fetch it from. Send the prefetch listed by GET /cds-services, "
                + "or give fhirServer and fhirAuthorization.",
                missing);
        }

        if (Refusal(request.FhirServer, settings, environment.IsDevelopment()) is { } refusal)
        {
            // Decided on the address alone, before any connection is made.
            throw new RequiredDataUnavailableException(
                $"Required prefetch {Quote(missing)} must be fetched, but this service is not allowed to fetch from the fhirServer given: {refusal}.",
                missing);
        }

        logger.Fetching(request.HookInstance, string.Join(",", missing));
        var client = new FhirServerClient(
            httpClients.CreateClient(FhirServerClient.HttpClientName),
            new FetchLimits(settings.MaxFhirPageBytes, settings.MaxFhirPages, settings.MaxFhirTotalBytes));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.FhirServerTimeout);
        try
        {
            var tasks = missing.ToDictionary(
                key => key,
                key => client.FetchAsync(
                    request.FhirServer,
                    CdsServiceCatalogue.Prefetch[key].Replace("{{context.patientId}}", Uri.EscapeDataString(request.PatientId), StringComparison.Ordinal),
                    request.AccessToken,
                    key,
                    limit.Token),
                StringComparer.Ordinal);
            await Task.WhenAll(tasks.Values);
            return tasks.ToDictionary(t => t.Key, t => t.Value.Result, StringComparer.Ordinal);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequiredDataUnavailableException(
                $"Required prefetch {Quote(missing)} could not be fetched: the FHIR server did not answer within {settings.FhirServerTimeout.TotalSeconds} s.",
                missing,
                ex);
        }
        finally
        {
            // One failed fetch ends the call; the others need not go on.
            await limit.CancelAsync();
        }
    }

    /// <summary>
    /// Why the service may not fetch from a server, or null when it may. Outside Development only https
    /// servers on the allow-list; in Development, with no allow-list, loopback servers only. The base
    /// address must equal an allowed one exactly (scheme, host, port and a case-sensitive path).
    /// </summary>
    internal static string? Refusal(Uri server, CdsHooksOptions settings, bool development)
    {
        if (!development && server.Scheme != Uri.UriSchemeHttps)
        {
            return "only https servers are fetched from";
        }

        if (settings.AllowedFhirServers.Count == 0)
        {
            return development
                ? (server.IsLoopback ? null : "no CdsHooks:AllowedFhirServers are configured, so only loopback servers are fetched from in Development")
                : "no CdsHooks:AllowedFhirServers are configured";
        }

        var given = server.AbsoluteUri.TrimEnd('/');
        return settings.AllowedFhirServers.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var allowed)
                && string.Equals(allowed.AbsoluteUri.TrimEnd('/'), given, StringComparison.Ordinal))
            ? null
            : "it is not one of CdsHooks:AllowedFhirServers";
    }

    private static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => "'" + k + "'"));
}
