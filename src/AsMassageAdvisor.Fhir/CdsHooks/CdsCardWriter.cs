using System.Text.Json;

namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>
/// Writes CDS Hooks responses as JSON, apart from <see cref="CdsCardBuilder"/>, which decides what the cards
/// say: a service may change the cards (e.g. give them fresh uuids) between the two.
/// </summary>
public static class CdsCardWriter
{
    /// <summary>Writes the response as CDS Hooks JSON: indented, fields in a fixed order, line feeds; the same response always gives the same bytes.</summary>
    /// <param name="response">The cards.</param>
    /// <returns>The JSON text, ending with a line feed.</returns>
    public static string Serialize(CdsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonSerializer.Serialize(ResponseJson.From(response), CardJsonContext.Default.ResponseJson) + "\n";
    }
}
