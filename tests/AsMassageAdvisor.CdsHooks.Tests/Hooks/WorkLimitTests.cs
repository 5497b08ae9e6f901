using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>The work of the service is bounded: calls at once, body size, size of the cards.</summary>
public sealed class WorkLimitTests
{
    [Fact]
    public async Task A_hook_call_beyond_the_concurrency_limit_and_queue_is_503_saying_the_orders_are_unchecked()
    {
        // Arrange: one call at a time, no queue; the first call is held inside the assessment.
        using var held = new HeldAssessor();
        using var host = CdsHooksHost.Start(
            settings: new Dictionary<string, string?> { ["CdsHooks:MaxConcurrentHookCalls"] = "1", ["CdsHooks:MaxQueuedHookCalls"] = "0" },
            replaceServices: services => services.Replace(ServiceDescriptor.Singleton<IPlanAssessor>(held)));
        using var client = host.NewClient();
        var first = Http.PostAsync(client, Http.Service, HookRequests.Example());
        held.Entered.Wait(TimeSpan.FromSeconds(60)).Should().BeTrue("the first call reaches the assessment");

        // Act
        var (status, body, mediaType) = await Http.PostAsync(client, Http.Service, HookRequests.Example());
        held.Release();
        var firstAnswer = await first;

        // Assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        mediaType.Should().Be("application/problem+json");
        body.Should().Contain("NOT been checked");
        firstAnswer.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_slow_upload_holds_no_slot_so_a_normal_call_is_answered_while_it_trickles()
    {
        // Arrange: one slot, no queue; a call whose body comes at about 300 bytes a second.
        using var host = CdsHooksHost.Start(
            settings: new Dictionary<string, string?> { ["CdsHooks:MaxConcurrentHookCalls"] = "1", ["CdsHooks:MaxQueuedHookCalls"] = "0" });
        using var slowClient = host.NewClient();
        using var client = host.NewClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (slow, _) = await TrickleContent.StartAsync(slowClient, stop.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // the trickling call has reached the service

        // Act
        var (status, _, _) = await Http.PostAsync(client, Http.Service, HookRequests.Example());
        await stop.CancelAsync();
        await slow;

        // Assert
        status.Should().Be(HttpStatusCode.OK, "the body is read before a slot is taken");
    }

    [Fact]
    public async Task A_body_that_does_not_arrive_within_the_request_deadline_is_408()
    {
        // Arrange
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:RequestTimeout"] = "00:00:01" });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Act
        var statusLine = await TrickleContent.RawAsync(host.Address, ClientKeys.Trusted.Token(new Uri(host.Address, Http.Service).AbsoluteUri), stop.Token);

        // Assert
        statusLine.Should().Be("HTTP/1.1 408 Request Timeout", "the deadline cuts the upload; without one it trickles until the client gives up");
    }

    [Fact]
    public async Task A_call_that_waits_longer_than_the_queue_timeout_is_503_while_the_slot_is_still_taken()
    {
        // Arrange: one slot, held inside the assessment; a queue, with a short wait.
        using var held = new HeldAssessor();
        using var host = CdsHooksHost.Start(
            settings: new Dictionary<string, string?>
            {
                ["CdsHooks:MaxConcurrentHookCalls"] = "1",
                ["CdsHooks:MaxQueuedHookCalls"] = "10",
                ["CdsHooks:QueueTimeout"] = "00:00:00.5",
            },
            replaceServices: services => services.Replace(ServiceDescriptor.Singleton<IPlanAssessor>(held)));
        using var client = host.NewClient();
        var first = Http.PostAsync(client, Http.Service, HookRequests.Example());
        held.Entered.Wait(TimeSpan.FromSeconds(60)).Should().BeTrue("the first call reaches the assessment");

        // Act: the first call is released only once the second has its answer, or after 20 s.
        var second = Http.PostAsync(client, Http.Service, HookRequests.Example());
        var done = await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(20)));
        held.Release();
        var (status, body, _) = await second;
        await first;

        // Assert
        done.Should().BeSameAs(second, "a queued call gives up after the queue timeout, not when the slot frees");
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain("NOT been checked");
    }

    [Fact]
    public async Task The_default_body_limit_refuses_a_three_megabyte_hook_call()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var request = SmallRequests.Request();
        request["padding"] = new string('x', 3 * 1024 * 1024);

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("larger than 2097152 bytes");
    }

    [Fact]
    public async Task Notes_beyond_the_cap_are_counted_not_listed_so_the_information_card_stays_small()
    {
        // Arrange: 500 observations the mapping does not read, each of which gives a note.
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var request = HookRequests.Example();
        var patientId = request["context"]!["patientId"]!.GetValue<string>();
        var observations = Enumerable.Range(0, 500).Select(i => new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = $"obs-{i}",
            ["status"] = "final",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "8867-4" }) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
        });
        request["prefetch"]!["observations"] = HookRequests.Bundle("searchset", observations);

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        var info = Http.Json(body).GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("summary").GetString()!.Contains("not on record", StringComparison.Ordinal));
        var detail = info.GetProperty("detail").GetString()!;
        detail.Should().MatchRegex("- and [0-9]+ more notes not listed");
        info.GetProperty("summary").GetString().Should().MatchRegex("^5[0-9][0-9] facts not on record", "the summary counts every note, listed or not");
        detail.Split('\n').Count(l => l.StartsWith("- Observation/", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(20);
        detail.Length.Should().BeLessThan(8 * 1024);
    }

    [Fact]
    public async Task Unassessed_orders_beyond_the_cap_are_counted_and_still_to_be_checked_by_hand()
    {
        // Arrange: 30 draft orders that cannot be read as a technique on a region.
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var request = SmallRequests.Request();
        var orders = Enumerable.Range(0, 30).Select(i =>
        {
            var order = SmallRequests.Order();
            order["id"] = $"sr{i}";
            return order;
        });
        request["context"]!["draftOrders"] = HookRequests.Bundle("collection", orders);

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        var card = Http.Json(body).GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("summary").GetString()!.StartsWith("Check by hand", StringComparison.Ordinal));
        var detail = card.GetProperty("detail").GetString()!;
        detail.Split('\n').Count(l => l.StartsWith("- ServiceRequest/", StringComparison.Ordinal)).Should().Be(20);
        detail.Should().Contain("- and 10 more draft orders not listed here, which must be checked by hand too");
        card.GetProperty("summary").GetString().Should().Contain("30 draft orders");
    }

    /// <summary>Holds each assessment until released, then assesses with the real advisor.</summary>
    private sealed class HeldAssessor : IPlanAssessor, IDisposable
    {
        private readonly ManualResetEventSlim gate = new();
        private readonly Advisor advisor = new();

        public ManualResetEventSlim Entered { get; } = new();

        public Assessment Assess(AssessmentRequest request)
        {
            Entered.Set();
            gate.Wait(TimeSpan.FromSeconds(60));
            return advisor.Assess(request);
        }

        public void Release() => gate.Set();

        public void Dispose()
        {
            gate.Dispose();
            Entered.Dispose();
        }
    }
}
