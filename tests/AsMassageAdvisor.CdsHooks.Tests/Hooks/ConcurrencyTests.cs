using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

public sealed class ConcurrencyTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Many_parallel_calls_on_one_service_get_the_answers_of_sequential_calls()
    {
        // Arrange: two different requests, each answered once alone first.
        using var client = fixture.Host.NewClient();
        var requests = new[] { HookRequests.Example(), SmallGentleRequest() };
        var expected = new List<string>();
        foreach (var request in requests)
        {
            var (status, body, _) = await Http.PostAsync(client, Http.Service, request);
            status.Should().Be(HttpStatusCode.OK);
            expected.Add(Http.WithoutUuids(body));
        }

        expected[1].Should().NotBe(expected[0], "the two requests must differ for the test to catch mixed-up answers");

        // Act: 400 calls, interleaved, 50 at a time over one connection pool.
        using var gate = new SemaphoreSlim(50);
        var calls = Enumerable.Range(0, 400).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var (status, body, _) = await Http.PostAsync(client, Http.Service, requests[i % 2]);
                return (Index: i % 2, status, body);
            }
            finally
            {
                gate.Release();
            }
        });
        var answers = await Task.WhenAll(calls);

        // Assert
        answers.Should().OnlyContain(a => a.status == HttpStatusCode.OK);
        answers.Should().OnlyContain(a => Http.WithoutUuids(a.body) == expected[a.Index]);
    }

    /// <summary>The example without its conditions: a second request, with another answer.</summary>
    private static JsonObject SmallGentleRequest()
    {
        var request = HookRequests.Example();
        request["prefetch"]!["conditions"] = null;
        return request;
    }
}
