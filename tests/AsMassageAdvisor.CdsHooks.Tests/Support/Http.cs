using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

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

    /// <summary>Posts a body (the example hook request unless given) with this bearer token, on a connection of its own.</summary>
    public static async Task<(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)> PostWithTokenAsync(Uri endpoint, string token, string? body = null)
    {
        using var client = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };
        using var content = new StringContent(body ?? HookRequests.Example().ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    public static JsonElement Json(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The answer with every card and suggestion uuid blanked: they are new with every call.</summary>
    public static string WithoutUuids(string body) =>
        Regex.Replace(body, "\"uuid\": \"[0-9a-f-]{36}\"", "\"uuid\": \"…\"", RegexOptions.CultureInvariant);

    /// <summary>The uuids of the cards of an answer.</summary>
    public static IReadOnlyList<string> CardUuids(string body) =>
        Json(body).GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("uuid").GetString()!).ToList();

    /// <summary>The paths of the problems of a problem-details answer.</summary>
    public static IReadOnlyList<string> ProblemPaths(string body) =>
        Json(body).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()!).ToList();
}
