using System.Net;
using System.Net.Http.Headers;
using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;

namespace AsMassageAdvisor.CdsHooks.Fhir;

/// <summary>
/// Fetches what a client did not prefetch from the client's own FHIR server, with the bearer token the
/// client handed over. Search results are read page by page; a next page is only followed on the same
/// server, so the token never leaves it.
/// </summary>
internal sealed class FhirServerClient(HttpClient http)
{
    /// <summary>The name of the configured HTTP client.</summary>
    public const string HttpClientName = "fhir-server";

    private const int MaxPages = 20;

    /// <summary>Reads one resource or every page of one search.</summary>
    /// <param name="server">The FHIR base address.</param>
    /// <param name="relativeQuery">The query, relative to <paramref name="server"/> (a prefetch template with its tokens filled).</param>
    /// <param name="accessToken">The bearer token, when the client gave one.</param>
    /// <param name="key">The prefetch key the data is for, for messages.</param>
    /// <param name="cancellationToken">Cancels the fetch (the caller's time limit).</param>
    /// <returns>The resource read, or the resources of the search, in the server's order.</returns>
    /// <exception cref="RequiredDataUnavailableException">The server could not be reached, refused, or answered with something unreadable.</exception>
    public async Task<IReadOnlyList<Resource>> FetchAsync(
        Uri server, string relativeQuery, string? accessToken, string key, CancellationToken cancellationToken)
    {
        var baseText = server.AbsoluteUri.TrimEnd('/') + "/";
        var next = new Uri(baseText + relativeQuery);
        var resources = new List<Resource>();
        for (var page = 1; next is not null; page++)
        {
            if (page > MaxPages)
            {
                throw Unavailable(key, $"the search has more than {MaxPages} pages");
            }

            var resource = await GetAsync(next, accessToken, key, cancellationToken);
            if (resource is not Bundle bundle)
            {
                resources.Add(resource);
                break;
            }

            resources.AddRange(bundle.Entry.Select(e => e.Resource).OfType<Resource>());
            var link = bundle.Link.FirstOrDefault(l => string.Equals(l.Relation, "next", StringComparison.Ordinal))?.Url;
            next = null;
            if (!string.IsNullOrEmpty(link))
            {
                if (!Uri.TryCreate(link, UriKind.Absolute, out next)
                    || !next.AbsoluteUri.StartsWith(baseText, StringComparison.OrdinalIgnoreCase))
                {
                    throw Unavailable(key, "the next page of the search is not on the same FHIR server");
                }
            }
        }

        return resources;
    }

    private async Task<Resource> GetAsync(Uri address, string? accessToken, string key, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, address);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        if (accessToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        byte[] body;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable(key, "the FHIR server could not be reached (" + ex.Message + ")", ex);
        }

        if (status != HttpStatusCode.OK)
        {
            throw Unavailable(key, $"the FHIR server answered {(int)status} {status}");
        }

        var problems = new List<InputError>();
        var resource = FhirResourceReader.Read(body, key, problems);
        if (resource is null)
        {
            throw Unavailable(key, "the FHIR server's answer is not readable FHIR R4"
                + (problems.Count > 0 ? " (" + problems[0].Message + ")" : ""));
        }

        if (resource is OperationOutcome)
        {
            throw Unavailable(key, "the FHIR server answered with an OperationOutcome instead of data");
        }

        return resource;
    }

    private static RequiredDataUnavailableException Unavailable(string key, string reason, Exception? inner = null) =>
        new($"Required data '{key}' could not be fetched: {reason}.", [key], inner);
}
