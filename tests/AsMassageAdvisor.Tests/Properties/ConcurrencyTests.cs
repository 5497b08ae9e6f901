using System.Collections.Concurrent;
using System.Diagnostics;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Tests.Support;
using Xunit.Abstractions;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>
/// One advisor shared by many threads gives, for every request, the very bytes it gives when used alone
/// (hazard H09: different output for the same input).
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Seed = 20261124;
    private const int DistinctRequests = 3000;
    private const int TotalAssessments = 200_000;

    [Fact]
    public void A_shared_advisor_gives_byte_identical_results_under_concurrent_use()
    {
        var advisor = new Advisor();
        var requests = RandomRequests.Generate(Seed, DistinctRequests).ToArray();
        var expected = requests.Select(r => AssessmentJson.Serialize(advisor.Assess(r))).ToArray();

        var mismatches = new ConcurrentBag<int>();
        var failures = new ConcurrentBag<string>();
        var threads = new ConcurrentDictionary<int, bool>();
        var assessed = 0;
        var clock = Stopwatch.StartNew();

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 4 };
        Parallel.For(0, TotalAssessments, options, i =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, true);

            // A stride coprime with the number of requests: neighbouring iterations, which run at the same
            // time on different threads, assess different requests, and each request is assessed many times.
            var k = (int)(i * 7919L % DistinctRequests);
            try
            {
                var json = AssessmentJson.Serialize(advisor.Assess(requests[k]));
                if (!string.Equals(json, expected[k], StringComparison.Ordinal))
                {
                    mismatches.Add(k);
                }
            }
            catch (Exception e)
            {
                failures.Add($"request {k}: {e.GetType().Name}: {e.Message}");
            }

            Interlocked.Increment(ref assessed);
        });

        output.WriteLine($"{assessed} concurrent assessments of {DistinctRequests} requests on {threads.Count} threads "
            + $"(at most {options.MaxDegreeOfParallelism} at once) in {clock.Elapsed.TotalSeconds:F1} s");
        failures.Should().BeEmpty();
        mismatches.Distinct().Order().Should().BeEmpty("every concurrent result must be byte-identical to the sequential one");
        assessed.Should().Be(TotalAssessments);
    }
}
