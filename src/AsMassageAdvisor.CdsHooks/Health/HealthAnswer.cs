using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsMassageAdvisor.CdsHooks.Health;

/// <summary>
/// The body of a health answer: the overall status and each check's status by name, e.g.
/// <c>{"status":"Unhealthy","checks":{"knowledge-base":"Healthy","feedback-database":"Unhealthy"}}</c>. No
/// description or exception is written: the probes need no token, so they must tell nothing else.
/// </summary>
internal static class HealthAnswer
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteString(name, entry.Status.ToString());
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(buffer.ToArray());
    }
}
