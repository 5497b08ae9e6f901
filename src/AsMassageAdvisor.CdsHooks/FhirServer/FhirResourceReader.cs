using System.Runtime.InteropServices;
using System.Text.Json;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace AsMassageAdvisor.CdsHooks.FhirServer;

/// <summary>
/// Reads FHIR R4 resources with the Firely SDK's default deserializer: strict (unknown elements, values of
/// the wrong kind and missing required elements are errors, so nothing a rule might need is dropped or
/// left unread), except that narrative XHTML is not validated.
/// </summary>
internal static class FhirResourceReader
{
    private static readonly FhirJsonDeserializer Deserializer = FhirJsonDeserializer.DEFAULT;

    /// <summary>Reads one resource from a JSON element.</summary>
    /// <param name="element">The resource's JSON object.</param>
    /// <param name="path">Where the element is, for the problems named.</param>
    /// <param name="problems">Problems found are added here.</param>
    /// <returns>The resource, or null when it could not be read.</returns>
    public static Resource? Read(JsonElement element, string path, List<InputError> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputError(path, "must be a FHIR resource (a JSON object with resourceType)"));
            return null;
        }

        // The element's own UTF-8 bytes go straight to the deserializer: no copy of the text as a string.
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        return Read(ref reader, path, problems);
    }

    /// <summary>Reads one resource from UTF-8 JSON.</summary>
    /// <param name="json">The resource as UTF-8 JSON.</param>
    /// <param name="path">Where the text came from, for the problems named.</param>
    /// <param name="problems">Problems found are added here.</param>
    /// <returns>The resource, or null when it could not be read.</returns>
    public static Resource? Read(ReadOnlySpan<byte> json, string path, List<InputError> problems)
    {
        var reader = new Utf8JsonReader(json);
        return Read(ref reader, path, problems);
    }

    private static Resource? Read(ref Utf8JsonReader reader, string path, List<InputError> problems)
    {
        try
        {
            if (Deserializer.TryDeserializeResource(ref reader, out var resource, out var issues))
            {
                return resource;
            }

            foreach (var issue in issues.Take(10))
            {
                problems.Add(new InputError(path, "is not a readable FHIR R4 resource: " + issue.Message));
            }

            return null;
        }
        catch (Exception ex) when (ex is DeserializationFailedException or FormatException or JsonException or InvalidOperationException)
        {
            problems.Add(new InputError(path, "is not a readable FHIR R4 resource: " + ex.Message));
            return null;
        }
    }
}
