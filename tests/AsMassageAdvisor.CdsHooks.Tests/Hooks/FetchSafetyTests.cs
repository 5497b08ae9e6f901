using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.FhirServer;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>
/// The service fetches only from allowed FHIR servers, decides so before connecting, follows no redirect,
/// reads a bounded amount, and never repeats what a server or the network said in its answer.
/// </summary>
public sealed class FetchSafetyTests
{
    private const string Token = "opaque-access-token";

    [Theory]
    [InlineData("Production", "https://169.254.169.254/fhir", null)]
    [InlineData("Production", "http://127.0.0.1:22/fhir", "http://127.0.0.1:22/fhir")]
    [InlineData("Production", "https://ehr.hospital.example/FHIR", "https://ehr.hospital.example/fhir")]
    [InlineData("Development", "http://169.254.169.254/latest/meta-data", null)]
    [InlineData("Development", "http://10.0.0.1/fhir", null)]
    public async Task A_fhir_server_that_is_not_allowed_gives_412_without_any_connection(string environment, string server, string? allowed)
    {
        // Arrange: every connection the fetch client would make is recorded instead of made.
        var attempts = new RecordingHandler();
        var settings = new Dictionary<string, string?>();
        if (allowed is not null)
        {
            settings["CdsHooks:AllowedFhirServers:0"] = allowed;
        }

        using var host = CdsHooksHost.Start(environment: environment, settings: settings, replaceServices: services =>
            services.AddHttpClient(FhirServerClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => attempts));
        using var client = host.NewClient();
        var request = FhirServerFetchTests.WithoutPrefetch(HookRequests.Example(), new Uri(server), Token);

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.PreconditionFailed);
        Http.Json(body).GetProperty("detail").GetString().Should().Contain("not allowed to fetch");
        attempts.Count.Should().Be(0, "the refusal is made on the address, before any connection");
    }

    [Fact]
    public async Task The_recording_handler_does_see_a_fetch_that_is_allowed()
    {
        // The control for the test above: the same set-up records a fetch when the server is allowed.
        var attempts = new RecordingHandler();
        using var host = CdsHooksHost.Start(
            environment: "Production",
            settings: new Dictionary<string, string?> { ["CdsHooks:AllowedFhirServers:0"] = "https://ehr.hospital.example/fhir" },
            replaceServices: services => services.AddHttpClient(FhirServerClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => attempts));
        using var client = host.NewClient();
        var request = FhirServerFetchTests.WithoutPrefetch(HookRequests.Example(), new Uri("https://ehr.hospital.example/fhir/"), Token);

        var (status, _, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        attempts.Count.Should().BePositive();
    }

    [Fact]
    public async Task The_allow_list_matches_the_path_case_sensitively()
    {
        // Arrange
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(FhirServerFetchTests.Answers(prefetched));
        var upper = fhir.BaseAddress.AbsoluteUri.Replace("/fhir", "/FHIR", StringComparison.Ordinal);
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:AllowedFhirServers:0"] = upper });
        using var client = host.NewClient();

        // Act
        var (status, _, _) = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        // Assert
        status.Should().Be(HttpStatusCode.PreconditionFailed);
        fhir.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_gives_412()
    {
        // Arrange
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(
            FhirServerFetchTests.Answers(prefetched), status: (int)HttpStatusCode.Found, location: "/fhir/Patient/someone-else");
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:AllowedFhirServers:0"] = fhir.BaseAddress.AbsoluteUri });
        using var client = host.NewClient();

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        // Assert
        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("redirect");
        fhir.Requests.Select(r => r.Query).Should().NotContain("Patient/someone-else");
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("-.-")]
    public async Task A_patient_id_without_a_letter_or_digit_is_400_and_nothing_is_fetched(string patientId)
    {
        // Arrange
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(FhirServerFetchTests.Answers(prefetched));
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var request = FhirServerFetchTests.WithoutPrefetch(prefetched, fhir.BaseAddress, Token);
        request["context"]!["patientId"] = patientId;

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(body).Should().Contain("$.context.patientId");
        fhir.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_412_never_repeats_the_network_error_or_the_fetched_content()
    {
        // Arrange: one server that is closed, one that answers a page that is not FHIR.
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        Uri closed;
        await using (var gone = await FakeFhirServer.StartAsync(new Dictionary<string, string>()))
        {
            closed = gone.BaseAddress;
        }

        var prefetched = HookRequests.Example();
        var answers = new Dictionary<string, string>(FhirServerFetchTests.Answers(prefetched))
        {
            [$"Patient/{FhirServerFetchTests.PatientId(prefetched)}"] = "{\"resourceType\": \"Patient\", \"secretField\": \"internal-admin-password\"}",
        };
        await using var garbage = await FakeFhirServer.StartAsync(answers);

        // Act
        var unreachable = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, closed, Token));
        var unreadable = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, garbage.BaseAddress, Token));

        // Assert
        unreachable.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        unreachable.Body.Should().Contain("could not be reached").And.NotContain("refused").And.NotContain(closed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        unreadable.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        unreadable.Body.Should().Contain("not readable FHIR").And.NotContain("secretField").And.NotContain("internal-admin-password");
    }

    [Fact]
    public async Task An_answer_over_the_page_cap_gives_412()
    {
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(FhirServerFetchTests.Answers(prefetched));
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:MaxFhirPageBytes"] = "200" });
        using var client = host.NewClient();

        var (status, body, _) = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("larger than the service takes");
    }

    [Fact]
    public async Task The_bytes_of_a_whole_call_are_capped_over_every_key()
    {
        // Each answer fits the page cap, together they do not.
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(FhirServerFetchTests.Answers(prefetched));
        var largest = FhirServerFetchTests.Answers(prefetched).Values.Max(v => v.Length);
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?>
        {
            ["CdsHooks:MaxFhirPageBytes"] = (largest + 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CdsHooks:MaxFhirTotalBytes"] = (largest + 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = host.NewClient();

        var (status, body, _) = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("larger than the service takes");
    }

    [Fact]
    public async Task A_search_with_more_pages_than_the_cap_gives_412()
    {
        // Arrange: every page links to another.
        var prefetched = HookRequests.Example();
        var patientId = FhirServerFetchTests.PatientId(prefetched);
        var answers = new Dictionary<string, string>(FhirServerFetchTests.Answers(prefetched));
        await using var fhir = await FakeFhirServer.StartAsync(answers);
        for (var page = 0; page < 5; page++)
        {
            var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset" };
            bundle["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = $"{fhir.BaseAddress}/Condition?patient={patientId}&page={page + 1}" });
            answers[page == 0 ? $"Condition?patient={patientId}" : $"Condition?patient={patientId}&page={page}"] = bundle.ToJsonString();
        }

        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:MaxFhirPages"] = "2" });
        using var client = host.NewClient();

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        // Assert
        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("more than 2 pages");
        fhir.Requests.Count(r => r.Query.StartsWith("Condition", StringComparison.Ordinal)).Should().Be(2);
    }

    /// <summary>Counts what would have been sent, sends nothing, and answers 503.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
