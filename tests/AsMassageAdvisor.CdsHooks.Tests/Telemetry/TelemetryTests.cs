using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AsMassageAdvisor.CdsHooks.Tests.Telemetry;

/// <summary>The service's OpenTelemetry metrics and traces, read with a MeterListener and an ActivityListener.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_hook_call_counts_its_cards_by_indicator_and_records_its_latency()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var measurements = new Measurements(host);
        using var client = host.NewClient();

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, HookRequests.Example());

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        var critical = Http.Json(body).GetProperty("cards").EnumerateArray().Count(c => c.GetProperty("indicator").GetString() == "critical");
        measurements.Sum("cds.cards", "cds.card.indicator", "critical").Should().Be(critical).And.BeGreaterThan(0);
        measurements.Of("cds.hook.duration").Should().ContainSingle().Which.Value.Should().BePositive();
    }

    [Fact]
    public async Task Error_answers_are_counted_by_status_and_cause()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var measurements = new Measurements(host);
        using var anonymous = host.NewAnonymousClient();
        using var client = host.NewClient();

        // Act
        (await Http.PostAsync(anonymous, Http.Service, HookRequests.Example())).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await Http.PostAsync(client, Http.Service, "{}")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Http.PostAsync(client, "/cds-services/no-such-service", HookRequests.Example())).Status.Should().Be(HttpStatusCode.NotFound);

        // Assert
        measurements.Sum("cds.errors", "error.type", "unauthenticated").Should().Be(1);
        measurements.Sum("cds.errors", "error.type", "invalid-request").Should().Be(1);
        measurements.Sum("cds.errors", "error.type", "unknown-service").Should().Be(1);
        measurements.Of("cds.errors").Should().OnlyContain(m => m.Tags.ContainsKey("http.response.status_code"));
    }

    [Fact]
    public async Task A_hook_call_is_traced_with_its_hook_and_nothing_of_the_patient()
    {
        // Arrange
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AsMassageAdvisor.CdsHooks",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();

        // Act
        (await Http.PostAsync(client, Http.Service, HookRequests.Example("order-select"))).Status.Should().Be(HttpStatusCode.OK);

        // Assert
        var span = spans.Should().Contain(a => a.OperationName == "cds.hook" && (string?)a.GetTagItem("cds.hook") == "order-select").Subject;
        span.Tags.Select(t => t.Key).Should().BeSubsetOf(["cds.hook"]);
    }

    /// <summary>The measurements of one host's meter (other tests' hosts have meters of their own).</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> taken = new();

        public Measurements(CdsHooksHost host)
        {
            var meter = host.Services.GetRequiredService<CdsTelemetry>().Meter;
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Take(i, v, tags));
            listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Take(i, v, tags));
            listener.Start();
        }

        public IReadOnlyList<(string Name, double Value, Dictionary<string, object?> Tags)> Of(string name) => [.. taken.Where(m => m.Name == name)];

        public double Sum(string name, string tag, string value) => Of(name).Where(m => Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);

        public void Dispose() => listener.Dispose();

        private void Take(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            taken.Enqueue((instrument.Name, value, copy));
        }
    }
}
