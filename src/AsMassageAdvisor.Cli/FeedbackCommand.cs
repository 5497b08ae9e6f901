using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AsMassageAdvisor.Cli;

/// <summary>
/// <c>feedback report</c>: the override-rate report of a running CDS Hooks service, asked for at its
/// authenticated <c>GET /cds-services/as-massage-safety/report</c>. The CLI does not open the database
/// itself: with several replicas on PostgreSQL, or SQLite inside a container, the service is the one place
/// that reads it, and the report then goes through the same client authentication as the hooks.
/// </summary>
internal static class FeedbackCommand
{
    /// <summary>The environment variable holding the bearer token (a signed JWT whose aud is the report's URL).</summary>
    public const string TokenVariable = "AS_MASSAGE_ADVISOR_CDS_TOKEN";

    private const string ReportPath = "cds-services/as-massage-safety/report";

    /// <summary>The <c>feedback</c> command with its <c>report</c> subcommand.</summary>
    public static Command Create(TextWriter output, TextWriter error, Func<HttpMessageHandler>? handler = null)
    {
        var service = new Option<string>("--service")
        {
            Description = "the service's base address, e.g. https://cds.hospital.example",
            Required = true,
        };
        var from = new Option<string?>("--from") { Description = "the first day (or ISO 8601 time) of the range, UTC; default 30 days before --to" };
        var to = new Option<string?>("--to") { Description = "the end of the range, excluded; default now" };
        var format = new Option<string?>("--format", "-f") { Description = "text (a table; the default), json or svg (a bar chart of the override rates)" }
            .AcceptOnlyFromAmong("text", "json", "svg");
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = $"a file holding the bearer token; by default the token is read from {TokenVariable} (never given on the command line, where other users could see it)",
        };
        var report = new Command("report", "Show per rule the cards shown, accepted and overridden, the override rate and the override reasons, from a running CDS Hooks service.")
        {
            service, from, to, format, tokenFile,
        };
        report.SetAction(parse => Report(
            parse.GetValue(service)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(format) ?? "text", parse.GetValue(tokenFile), handler, output, error));
        return new Command("feedback", "Work with the feedback clinicians gave on the CDS Hooks service's cards.") { report };
    }

    private static int Report(string serviceAddress, string? from, string? to, string format, string? tokenFile, Func<HttpMessageHandler>? handler, TextWriter output, TextWriter error)
    {
        if (!Uri.TryCreate(serviceAddress, UriKind.Absolute, out var service) || (service.Scheme != Uri.UriSchemeHttps && service.Scheme != Uri.UriSchemeHttp))
        {
            error.WriteLine($"error: --service must be an absolute http or https address, not '{serviceAddress}'");
            return ExitCodes.InvalidInput;
        }

        string? token;
        try
        {
            token = tokenFile is not null ? File.ReadAllText(tokenFile).Trim() : Environment.GetEnvironmentVariable(TokenVariable);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read the token file '{tokenFile}': {ex.Message}");
            return ExitCodes.Failure;
        }

        var query = new List<string> { "format=" + format };
        if (from is not null)
        {
            query.Add("from=" + Uri.EscapeDataString(from));
        }

        if (to is not null)
        {
            query.Add("to=" + Uri.EscapeDataString(to));
        }

        var address = new Uri(new Uri(service.AbsoluteUri.TrimEnd('/') + "/"), ReportPath + "?" + string.Join('&', query));
        using var client = new HttpClient(handler?.Invoke() ?? new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = client.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var body = reader.ReadToEnd();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                output.Write(body);
                return ExitCodes.Success;
            }

            error.WriteLine($"error: the service answered {(int)response.StatusCode}: {Detail(body)}");
            return response.StatusCode == HttpStatusCode.BadRequest ? ExitCodes.InvalidInput : ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            error.WriteLine($"error: cannot reach {service}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    // A problem-details body says what was wrong in 'detail' (for a 400, every problem with its path).
    private static string Detail(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object
                && (problem.RootElement.TryGetProperty("detail", out var text) || problem.RootElement.TryGetProperty("title", out text))
                ? text.ToString()
                : body;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
