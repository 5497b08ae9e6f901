using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>Sending requests and reading answers.</summary>
internal static class Http
{
    public const string Service = "/cds-services/as-massage-safety";

    public static async Task<(HttpStatusCode Status, string Body, string? MediaType)> PostAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    public static Task<(HttpStatusCode Status, string Body, string? MediaType)> PostAsync(HttpClient client, string path, JsonNode body) =>
        PostAsync(client, path, body.ToJsonString());

    public static JsonElement Json(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The paths of the problems of a problem-details answer.</summary>
    public static IReadOnlyList<string> ProblemPaths(string body) =>
        Json(body).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()!).ToList();
}
