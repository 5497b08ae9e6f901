using System.Diagnostics;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>What a watched run of a corpus found.</summary>
internal sealed record WatchedRun(
    IReadOnlyList<(HostileCase Case, string Problem)> Violations,
    TimeSpan Elapsed,
    HostileCase? Hung,
    IReadOnlyList<(HostileCase Case, TimeSpan Time)> Slowest);

/// <summary>
/// Runs a check over a corpus on a thread of its own and watches it from outside: the code under test takes
/// no cancellation token, so a case that runs past its time limit is reported as a hang (and its thread
/// abandoned) instead of blocking the test run for ever.
/// </summary>
internal static class Watchdog
{
    public static WatchedRun Run(IReadOnlyList<HostileCase> cases, Func<HostileCase, string?> check, TimeSpan perCase)
    {
        var violations = new List<(HostileCase, string)>();
        var times = new TimeSpan[cases.Count];
        var current = -1;
        var startedAt = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();

        var worker = new Thread(
            () =>
            {
                for (var i = 0; i < cases.Count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    Volatile.Write(ref startedAt, start);
                    Volatile.Write(ref current, i);
                    string? problem;
                    try
                    {
                        problem = check(cases[i]);
                    }
#pragma warning disable CA1031 // a failure of the check itself is reported as a violation, never lost on a thread
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        problem = $"the check itself threw {ex.GetType().FullName}: {ex.Message}";
                    }

                    times[i] = Stopwatch.GetElapsedTime(start);
                    if (problem is not null)
                    {
                        lock (violations)
                        {
                            violations.Add((cases[i], problem));
                        }
                    }
                }
            },
            maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = "hostile corpus",
        };
        worker.Start();

        while (!worker.Join(TimeSpan.FromMilliseconds(50)))
        {
            var index = Volatile.Read(ref current);
            if (index >= 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref startedAt)) > perCase && Volatile.Read(ref current) == index)
            {
                lock (violations)
                {
                    return new WatchedRun([.. violations], clock.Elapsed, cases[index], []);
                }
            }
        }

        var slowest = cases.Select((c, i) => (c, times[i])).OrderByDescending(x => x.Item2).Take(3).ToArray();
        return new WatchedRun(violations, clock.Elapsed, null, slowest);
    }
}
