using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Validation;

namespace AsMassageAdvisor.Reading;

/// <summary>
/// Reads an assessment request from JSON, strictly: an unknown or misspelt field, a value of the wrong
/// type, an unknown enum value, a repeated field, trailing content and input over the size limits are
/// all errors, reported together, each with its JSON path. A field that is absent is unknown.
/// </summary>
public static class AssessmentRequestJson
{
    /// <summary>The largest request accepted, in bytes (UTF-8).</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The most plan items a request may hold.</summary>
    public const int MaxItems = RequestLimits.MaxItems;

    /// <summary>Reads and validates a request.</summary>
    /// <param name="json">The request as JSON text.</param>
    /// <returns>The request, fully validated.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named.</exception>
    public static AssessmentRequest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes)
        {
            throw TooLarge();
        }

        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            throw new InvalidRequestException([new InputError("$", "not valid text: it holds an unpaired surrogate character", InputErrorCodes.InvalidUtf8)]);
        }

        return Parse(bytes);
    }

    /// <summary>Reads and validates a request from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The request as UTF-8 JSON; a byte-order mark is allowed.</param>
    /// <returns>The request, fully validated.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named.</exception>
    public static AssessmentRequest Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            throw TooLarge();
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        // The parser checks UTF-8 only outside strings; a bad byte inside a string would surface later.
        if (!Utf8.IsValid(utf8Json))
        {
            throw new InvalidRequestException([new InputError("$", "not valid UTF-8: the request must be JSON encoded as UTF-8", InputErrorCodes.InvalidUtf8)]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                utf8Json.ToArray(),
                new JsonDocumentOptions { MaxDepth = RequestLimits.MaxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            // The parser names a too-deep document only in words; the depth limit is ours, so its code is too.
            var code = ex.Message.Contains("maximum configured depth", StringComparison.Ordinal) ? InputErrorCodes.TooDeep : InputErrorCodes.InvalidJson;
            throw new InvalidRequestException([new InputError("$", "not valid JSON: " + Describe(ex), code)]);
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 is reported by the parser as an ArgumentException.
            throw new InvalidRequestException([new InputError("$", "not valid UTF-8 JSON: " + ex.Message, InputErrorCodes.InvalidUtf8)]);
        }

        using (document)
        {
            var reader = new RequestTreeReader();
            var request = reader.Read(document.RootElement);
            reader.Finish();
            var errors = reader.Errors;

            // One validation per request: the cheap screen settles the common, valid case; only a request it
            // does not pass goes through the validator, which names every problem.
            // Dates are checked against today's date (UTC); an advisor checks them again against its own clock.
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            if (errors.Count == 0 && RequestScreen.Passes(request, today))
            {
                return request;
            }

            var readerErrors = errors.ToArray();
            errors.AddRange(RequestValidation.Validate(request, today)
                .Where(v => !readerErrors.Any(r => Covers(r.Path, v.Path) || Covers(v.Path, r.Path))));
            if (errors.Count > 0)
            {
                throw new InvalidRequestException(errors);
            }

            return request;
        }
    }

    /// <summary>Reads and validates a request from a stream, reading at most <see cref="MaxBytes"/> bytes.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON.</param>
    /// <returns>The request, fully validated.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named.</exception>
    public static AssessmentRequest Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static InvalidRequestException TooLarge() =>
        new([new InputError("$", $"the request is larger than {MaxBytes} bytes", InputErrorCodes.TooLarge)]);

    // A reader error at a path makes validation errors at that path, or below it, redundant.
    private static bool Covers(string readerPath, string validationPath) =>
        validationPath == readerPath
        || (validationPath.StartsWith(readerPath, StringComparison.Ordinal)
            && validationPath.Length > readerPath.Length
            && validationPath[readerPath.Length] is '.' or '[');

    private static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } pos
            ? $" (line {line + 1}, byte {pos + 1})"
            : "";
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return message.TrimEnd() + where;
    }
}
