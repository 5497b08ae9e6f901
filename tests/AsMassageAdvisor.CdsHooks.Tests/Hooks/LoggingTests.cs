using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

public sealed class LoggingTests
{
    [Fact]
    public async Task Nothing_of_the_patient_is_logged_above_debug_whatever_the_answer()
    {
        // Arrange
        using var logs = new CapturingLoggerProvider();
        using var host = CdsHooksHost.Start(logs: logs);
        using var client = host.NewClient();
        var answered = HookRequests.Example();
        var patientId = answered["context"]!["patientId"]!.GetValue<string>();
        var rejected = SmallRequests.Request();
        rejected["prefetch"]!["conditions"] = HookRequests.Bundle("searchset", [SmallRequests.Condition("Patient/secret-other-patient")]);
        var unfetchable = HookRequests.Example();
        unfetchable.Remove("prefetch");

        // Act
        (await Http.PostAsync(client, Http.Service, answered)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync(client, Http.Service, rejected)).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Http.PostAsync(client, Http.Service, unfetchable)).Status.Should().Be(HttpStatusCode.PreconditionFailed);

        // Assert
        var visible = logs.Records.Where(e => e.Level > LogLevel.Debug).Select(e => e.Message).ToList();
        visible.Should().Contain(t => t.Contains(HookRequests.HookInstance, StringComparison.Ordinal), "calls are traceable by hookInstance");
        visible.Should().NotContain(t => t.Contains(patientId, StringComparison.Ordinal)
            || t.Contains("secret-other-patient", StringComparison.Ordinal)
            || t.Contains("spondylitis", StringComparison.OrdinalIgnoreCase)
            || t.Contains("cervical", StringComparison.OrdinalIgnoreCase)
            || t.Contains("doNotProceed", StringComparison.OrdinalIgnoreCase));
        logs.Records.Where(e => e.Level == LogLevel.Debug).Select(e => e.Message)
            .Should().Contain(t => t.Contains("secret-other-patient", StringComparison.Ordinal), "the details are there for Debug");
    }

    [Fact]
    public async Task A_fetch_from_the_fhir_server_logs_the_patients_address_at_debug_only()
    {
        // Arrange: nothing prefetched, so the service reads Patient/{id} and the searches from a FHIR server.
        using var logs = new CapturingLoggerProvider();
        using var host = CdsHooksHost.Start(logs: logs);
        using var client = host.NewClient();
        var prefetched = HookRequests.Example();
        var patientId = prefetched["context"]!["patientId"]!.GetValue<string>();
        await using var fhir = await FakeFhirServer.StartAsync(FhirServerFetchTests.Answers(prefetched));

        // Act
        var (status, _, _) = await Http.PostAsync(client, Http.Service, FhirServerFetchTests.WithoutPrefetch(prefetched, fhir.BaseAddress, "opaque"));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        fhir.Requests.Should().NotBeEmpty();
        logs.Records.Where(e => e.Level > LogLevel.Debug).Select(e => e.Message)
            .Should().NotContain(t => t.Contains(patientId, StringComparison.Ordinal), "a FHIR address names the patient");
        logs.Records.Where(e => e.Level <= LogLevel.Debug).Select(e => e.Message)
            .Should().Contain(t => t.Contains("Patient/" + patientId, StringComparison.Ordinal), "the fetches are there for Debug");
    }
}
