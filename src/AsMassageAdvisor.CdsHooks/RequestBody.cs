using AsMassageAdvisor.Reading;
using Microsoft.AspNetCore.Http.Features;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// Reads a call's body into memory, bounded in size (the limit is also given to Kestrel, which stops reading past
/// it) and in time (the call's <see cref="HttpContext.RequestAborted"/>, which the request deadline cancels).
/// </summary>
internal static class RequestBody
{
    private const string Key = "cds-request-body";

    /// <summary>Whether the body of this call was read in full; a deadline that fires before is the client's slowness (408).</summary>
    public static bool WasRead(HttpContext http) => http.Items.ContainsKey(Key);

    /// <summary>The body read by <see cref="ReadAsync"/> for this call.</summary>
    public static ReadOnlyMemory<byte> Of(HttpContext http) =>
        http.Items.TryGetValue(Key, out var body) && body is ReadOnlyMemory<byte> bytes
            ? bytes
            : throw new InvalidOperationException("The request body was not read before the endpoint ran.");

    /// <summary>Reads the body, keeps it for <see cref="Of"/> and returns it.</summary>
    /// <exception cref="InvalidRequestException">The body is empty, larger than <paramref name="limit"/>, or cut off.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest http, long limit, CancellationToken cancellationToken)
    {
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.ContentLength > limit)
        {
            throw new InvalidRequestException([new InputError("$", $"the request body is larger than {limit} bytes")]);
        }

        try
        {
            using var buffer = new MemoryStream();
            await http.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length == 0)
            {
                throw new InvalidRequestException([new InputError("$", "the request body is empty; a JSON object is expected")]);
            }

            ReadOnlyMemory<byte> body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            http.HttpContext.Items[Key] = body;
            return body;
        }
        catch (BadHttpRequestException ex)
        {
            throw new InvalidRequestException([new InputError("$", ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the request body is larger than {limit} bytes"
                : "the request body could not be read")]);
        }
    }
}
