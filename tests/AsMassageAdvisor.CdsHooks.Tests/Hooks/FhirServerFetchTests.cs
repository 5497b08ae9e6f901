using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>
/// A client that does not prefetch hands over its FHIR server and a token; the service then fetches the
/// data itself from a fake FHIR server on loopback.
/// </summary>
public sealed class FhirServerFetchTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string Token = "opaque-access-token";

    [Fact]
    public async Task Missing_prefetch_is_fetched_with_the_bearer_token_and_gives_the_same_cards_as_prefetch()
    {
        // Arrange
        using var client = fixture.Host.NewClient();
        var prefetched = HookRequests.Example();
        var expected = await Http.PostAsync(client, Http.Service, prefetched);
        await using var fhir = await FakeFhirServer.StartAsync(Answers(prefetched));
        var request = WithoutPrefetch(prefetched, fhir.BaseAddress, Token);

        // Act
        var (status, body, mediaType) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        expected.Status.Should().Be(HttpStatusCode.OK);
        status.Should().Be(HttpStatusCode.OK);
        mediaType.Should().Be("application/json");
        Http.WithoutUuids(body).Should().Be(Http.WithoutUuids(expected.Body));
        var patientId = PatientId(prefetched);
        fhir.Requests.Select(r => r.Query).Should().BeEquivalentTo(
            $"Patient/{patientId}", $"Condition?patient={patientId}", $"Observation?patient={patientId}&code=http://loinc.org|72514-3");
        fhir.Requests.Should().OnlyContain(r => r.Authorization == "Bearer " + Token);
    }

    [Fact]
    public async Task Only_the_keys_not_prefetched_are_fetched()
    {
        using var client = fixture.Host.NewClient();
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(Answers(prefetched));
        var request = prefetched.DeepClone().AsObject();
        request["prefetch"]!.AsObject().Remove("conditions");
        request["fhirServer"] = fhir.BaseAddress.AbsoluteUri;

        var (status, _, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.OK);
        fhir.Requests.Select(r => r.Query).Should().Equal($"Condition?patient={PatientId(prefetched)}");
        fhir.Requests.Single().Authorization.Should().BeNull("no token was handed over, so none is sent");
    }

    [Fact]
    public async Task Every_page_of_a_search_is_read()
    {
        // Arrange: the conditions come in two pages; the first alone would hide the second.
        using var client = fixture.Host.NewClient();
        var prefetched = HookRequests.Example();
        var expected = await Http.PostAsync(client, Http.Service, prefetched);
        var patientId = PatientId(prefetched);
        var conditions = ConditionsOf(prefetched);
        conditions.Should().NotBeEmpty();
        var answers = new Dictionary<string, string>(Answers(prefetched));
        await using var fhir = await FakeFhirServer.StartAsync(answers);
        var first = HookRequests.Bundle("searchset", conditions.Take(1));
        first["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = fhir.BaseAddress + "/Condition?patient=" + patientId + "&page=2" });
        answers[$"Condition?patient={patientId}"] = first.ToJsonString();
        answers[$"Condition?patient={patientId}&page=2"] = HookRequests.Bundle("searchset", conditions.Skip(1)).ToJsonString();

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        Http.WithoutUuids(body).Should().Be(Http.WithoutUuids(expected.Body));
        fhir.Requests.Select(r => r.Query).Should().Contain($"Condition?patient={patientId}&page=2");
    }

    [Fact]
    public async Task A_next_page_on_another_server_is_not_followed_and_the_answer_is_412()
    {
        using var client = fixture.Host.NewClient();
        var prefetched = HookRequests.Example();
        var patientId = PatientId(prefetched);
        var answers = new Dictionary<string, string>(Answers(prefetched));
        var first = HookRequests.Bundle("searchset", ConditionsOf(prefetched));
        first["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = "https://elsewhere.example.org/fhir/Condition?page=2" });
        answers[$"Condition?patient={patientId}"] = first.ToJsonString();
        await using var fhir = await FakeFhirServer.StartAsync(answers);

        var (status, body, _) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        Http.Json(body).GetProperty("detail").GetString().Should().Contain("'conditions'").And.Contain("same FHIR server");
    }

    [Theory]
    [InlineData(500, "500")]
    [InlineData(401, "401")]
    [InlineData(404, "404")]
    public async Task A_fhir_server_that_refuses_gives_412_naming_what_is_missing(int serverStatus, string word)
    {
        using var client = fixture.Host.NewClient();
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(Answers(prefetched), status: serverStatus);

        var (status, body, mediaType) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        mediaType.Should().Be("application/problem+json");
        var problem = Http.Json(body);
        problem.TryGetProperty("cards", out _).Should().BeFalse();
        problem.GetProperty("detail").GetString().Should().Contain("could not be fetched").And.Contain(word);
    }

    [Fact]
    public async Task A_fhir_server_that_answers_garbage_gives_412()
    {
        using var client = fixture.Host.NewClient();
        var prefetched = HookRequests.Example();
        var answers = new Dictionary<string, string>(Answers(prefetched)) { [$"Patient/{PatientId(prefetched)}"] = "<html>login</html>" };
        await using var fhir = await FakeFhirServer.StartAsync(answers);

        var (status, body, _) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("not readable FHIR");
    }

    [Fact]
    public async Task A_fhir_server_that_answers_the_wrong_kind_of_resource_gives_412()
    {
        using var client = fixture.Host.NewClient();
        var prefetched = HookRequests.Example();
        var answers = new Dictionary<string, string>(Answers(prefetched))
        {
            [$"Patient/{PatientId(prefetched)}"] = SmallRequests.Condition("Patient/" + PatientId(prefetched)).ToJsonString(),
        };
        await using var fhir = await FakeFhirServer.StartAsync(answers);

        var (status, body, _) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        Http.Json(body).GetProperty("detail").GetString().Should().Contain("'patient'").And.Contain("Condition");
    }

    [Fact]
    public async Task A_slow_fhir_server_gives_412_after_the_configured_time()
    {
        // Arrange
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:FhirServerTimeout"] = "00:00:00.5" });
        using var client = host.NewClient();
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(Answers(prefetched), delay: TimeSpan.FromSeconds(10));
        var started = DateTime.UtcNow;

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        // Assert
        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("did not answer within 0.5 s");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task An_unreachable_fhir_server_gives_412()
    {
        using var client = fixture.Host.NewClient();
        Uri closed;
        await using (var fhir = await FakeFhirServer.StartAsync(new Dictionary<string, string>()))
        {
            closed = fhir.BaseAddress;
        }

        var (status, body, _) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(HookRequests.Example(), closed, Token));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("could not be reached");
    }

    [Fact]
    public async Task A_fhir_server_outside_the_allowed_list_is_not_contacted()
    {
        // Arrange
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:AllowedFhirServers:0"] = "https://ehr.example.org/fhir" });
        using var client = host.NewClient();
        var prefetched = HookRequests.Example();
        await using var fhir = await FakeFhirServer.StartAsync(Answers(prefetched));

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, WithoutPrefetch(prefetched, fhir.BaseAddress, Token));

        // Assert
        status.Should().Be(HttpStatusCode.PreconditionFailed);
        body.Should().Contain("not allowed to fetch");
        fhir.Requests.Should().BeEmpty();
    }

    internal static JsonObject WithoutPrefetch(JsonObject request, Uri fhirServer, string token)
    {
        var copy = request.DeepClone().AsObject();
        copy.Remove("prefetch");
        copy["fhirServer"] = fhirServer.AbsoluteUri;
        copy["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["scope"] = "patient/Patient.read patient/Condition.read patient/Observation.read",
            ["subject"] = "as-massage-safety",
        };
        return copy;
    }

    /// <summary>What the FHIR server answers: the same data the prefetch carried.</summary>
    internal static Dictionary<string, string> Answers(JsonObject request)
    {
        var patientId = PatientId(request);
        var prefetch = request["prefetch"]!;
        return new Dictionary<string, string>
        {
            [$"Patient/{patientId}"] = prefetch["patient"]!.ToJsonString(),
            [$"Condition?patient={patientId}"] = (prefetch["conditions"] ?? HookRequests.Bundle("searchset", [])).ToJsonString(),
            [$"Observation?patient={patientId}&code=http://loinc.org|72514-3"] = (prefetch["observations"] ?? HookRequests.Bundle("searchset", [])).ToJsonString(),
        };
    }

    internal static List<JsonObject> ConditionsOf(JsonObject request) =>
        request["prefetch"]!["conditions"]?["entry"]?.AsArray().Select(e => e!["resource"]!.AsObject()).ToList() ?? [];

    internal static string PatientId(JsonObject request) => request["context"]!["patientId"]!.GetValue<string>();
}
