using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

public sealed class MissingPrefetchTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Without_prefetch_and_without_fhirServer_the_answer_is_412_naming_every_missing_key()
    {
        // Arrange
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        request.Remove("prefetch");

        // Act
        var (status, body, mediaType) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.PreconditionFailed);
        mediaType.Should().Be("application/problem+json");
        var problem = Http.Json(body);
        problem.TryGetProperty("cards", out _).Should().BeFalse();
        problem.GetProperty("missingPrefetch").EnumerateArray().Select(k => k.GetString()).Should().Equal("conditions", "observations", "patient");
        problem.GetProperty("detail").GetString().Should()
            .Contain("'conditions'").And.Contain("'observations'").And.Contain("'patient'").And.Contain("fhirServer");
    }

    [Fact]
    public async Task One_missing_key_is_named_alone()
    {
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        request["prefetch"]!.AsObject().Remove("conditions");

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        Http.Json(body).GetProperty("missingPrefetch").EnumerateArray().Select(k => k.GetString()).Should().Equal("conditions");
    }

    [Fact]
    public async Task A_prefetch_that_failed_at_the_client_counts_as_missing()
    {
        // CDS Hooks 2.0 lets a client send an OperationOutcome where its prefetch failed.
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        request["prefetch"]!["observations"] = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "timeout" }),
        };

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        Http.Json(body).GetProperty("missingPrefetch").EnumerateArray().Select(k => k.GetString()).Should().Equal("observations");
    }

    [Fact]
    public async Task A_prefetched_search_with_a_further_page_counts_as_incomplete()
    {
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        var conditions = HookRequests.Bundle("searchset", [SmallRequests.Condition()]);
        conditions["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = "https://ehr.example.org/fhir/Condition?page=2" });
        request["prefetch"]!["conditions"] = conditions;

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        Http.Json(body).GetProperty("missingPrefetch").EnumerateArray().Select(k => k.GetString()).Should().Equal("conditions");
    }
}
