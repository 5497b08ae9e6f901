using System.Net;
using System.Net.Http.Headers;
using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;

namespace AsMassageAdvisor.CdsHooks.FhirServer;

/// <summary>
/// Fetches what a client did not prefetch from the client's own FHIR server, with the bearer token the
/// client handed over. Search results are read page by page; a next page is only followed under the same
/// base address, redirects are never followed, and every answer is size-capped, so the token never
/// leaves the server and one call cannot pull an unbounded amount of data. The reasons given for a
/// failure are the service's own words: nothing of an exception or of the fetched content is repeated.
/// </summary>
internal sealed class FhirServerClient(HttpClient http, FetchLimits limits)
{
    /// <summary>The name of the configured HTTP client.</summary>
    public const string HttpClientName = "fhir-server";

    /// <summary>Reads one resource or every page of one search.</summary>
    /// <param name="server">The FHIR base address.</param>
    /// <param name="relativeQuery">The query, relative to <paramref name="server"/> (a prefetch template with its tokens filled).</param>
    /// <param name="accessToken">The bearer token, when the client gave one.</param>
    /// <param name="key">The prefetch key the data is for, for messages.</param>
    /// <param name="cancellationToken">Cancels the fetch (the caller's time limit).</param>
    /// <returns>The resource read, or the resources of the search, in the server's order.</returns>
    /// <exception cref="RequiredDataUnavailableException">The server could not be reached, refused, or answered with something unreadable or too large.</exception>
    public async Task<IReadOnlyList<Resource>> FetchAsync(
        Uri server, string relativeQuery, string? accessToken, string key, CancellationToken cancellationToken)
    {
        var baseText = server.AbsoluteUri.TrimEnd('/') + "/";
        var next = new Uri(baseText + relativeQuery);
        if (!next.AbsoluteUri.StartsWith(baseText, StringComparison.Ordinal))
        {
            throw Unavailable(key, "the query would leave the FHIR server's base address");
        }

        var resources = new List<Resource>();
        for (var page = 1; next is not null; page++)
        {
            if (page > limits.MaxPages)
            {
                throw Unavailable(key, $"the search has more than {limits.MaxPages} pages (CdsHooks:MaxFhirPages)");
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
                    || !next.AbsoluteUri.StartsWith(baseText, StringComparison.Ordinal))
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
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                throw Unavailable(key, $"the FHIR server answered {(int)response.StatusCode}, a redirect, which is not followed");
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw Unavailable(key, $"the FHIR server answered {(int)response.StatusCode} {response.StatusCode}");
            }

            body = await ReadCappedAsync(response.Content, key, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // The exception names addresses and ports; only Debug logs see it (through the inner exception).
            throw Unavailable(key, "the FHIR server could not be reached", ex);
        }

        var problems = new List<InputError>();
        var resource = FhirResourceReader.Read(body, key, problems);
        if (resource is null)
        {
            throw Unavailable(key, "the FHIR server's answer is not readable FHIR R4");
        }

        if (resource is OperationOutcome)
        {
            throw Unavailable(key, "the FHIR server answered with an OperationOutcome instead of data");
        }

        return resource;
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, string key, CancellationToken cancellationToken)
    {
        var cap = Math.Min(limits.MaxPageBytes, limits.Remaining);
        if (content.Headers.ContentLength > cap)
        {
            throw TooLarge(key);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limits.MaxPageBytes || !limits.TryTake(read))
            {
                throw TooLarge(key);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private RequiredDataUnavailableException TooLarge(string key) =>
        Unavailable(key, $"the FHIR server's answer is larger than the service takes ({limits.MaxPageBytes} bytes a page, {limits.MaxTotalBytes} bytes a call)");

    private static RequiredDataUnavailableException Unavailable(string key, string reason, Exception? inner = null) =>
        new($"Required data '{key}' could not be fetched: {reason}.", [key], inner);
}
