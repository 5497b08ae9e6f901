using System.Net;
using System.Text.Json;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Discovery;

public sealed class DiscoveryTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public void The_service_listens_on_loopback_tcp_on_a_port_the_system_picked()
    {
        fixture.Host.Address.Host.Should().Be("127.0.0.1");
        fixture.Host.Address.Port.Should().BePositive();
    }

    [Fact]
    public async Task Discovery_lists_the_one_service_id_once_per_order_hook_each_with_exactly_one_hook_and_a_version()
    {
        // Arrange
        using var client = fixture.Host.NewClient();

        // Act
        using var response = await client.GetAsync("/cds-services");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var services = Http.Json(await response.Content.ReadAsStringAsync()).GetProperty("services").EnumerateArray().ToList();
        services.Select(s => (s.GetProperty("id").GetString(), s.GetProperty("hook").GetString())).Should().Equal(
            ("as-massage-safety", "order-sign"),
            ("as-massage-safety", "order-select"));
        services.Should().AllSatisfy(s =>
        {
            s.GetProperty("hook").ValueKind.Should().Be(JsonValueKind.String, "CDS Hooks 2.0 gives each entry one hook, a string");
            s.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
            s.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
            s.GetProperty("version").GetString().Should().MatchRegex("^[0-9]+\\.[0-9]+\\.[0-9]+$");
        });
    }

    [Fact]
    public async Task Every_entry_asks_for_the_patient_its_conditions_its_observations_and_its_current_medications()
    {
        // Arrange
        using var client = fixture.Host.NewClient();

        // Act
        var body = await client.GetStringAsync("/cds-services");

        // Assert
        foreach (var service in Http.Json(body).GetProperty("services").EnumerateArray())
        {
            var prefetch = service.GetProperty("prefetch").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            prefetch.Should().BeEquivalentTo(new Dictionary<string, string>
            {
                ["patient"] = "Patient/{{context.patientId}}",
                ["conditions"] = "Condition?patient={{context.patientId}}",
                ["observations"] = "Observation?patient={{context.patientId}}&code=http://loinc.org|72514-3",
                ["medicationStatements"] = "MedicationStatement?patient={{context.patientId}}&status=active",
                ["medicationRequests"] = "MedicationRequest?patient={{context.patientId}}&status=active",
            });
        }
    }

    [Fact]
    public async Task Discovery_is_byte_identical_from_call_to_call()
    {
        using var client = fixture.Host.NewClient();

        var first = await client.GetStringAsync("/cds-services");
        var second = await client.GetStringAsync("/cds-services");

        second.Should().Be(first);
    }

    [Fact]
    public async Task Discovery_needs_no_token()
    {
        using var client = fixture.Host.NewAnonymousClient();

        using var response = await client.GetAsync("/cds-services");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_former_order_select_service_id_is_404()
    {
        using var client = fixture.Host.NewClient();

        var (status, _, _) = await Http.PostAsync(client, "/cds-services/as-massage-safety-order-select", HookRequests.Example("order-select"));

        status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_service_id_is_404_with_a_message()
    {
        using var client = fixture.Host.NewClient();

        var (status, body, mediaType) = await Http.PostAsync(client, "/cds-services/no-such-service", SmallRequests.Request());

        status.Should().Be(HttpStatusCode.NotFound);
        mediaType.Should().Be("application/problem+json");
        Http.Json(body).GetProperty("detail").GetString().Should().Contain("no-such-service").And.Contain("GET /cds-services");
    }
}
