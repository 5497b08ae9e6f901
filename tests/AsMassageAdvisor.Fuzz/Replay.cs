using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AsMassageAdvisor.Fuzz;

/// <summary>Runs files through the fuzz target without a fuzzer, to check a corpus or reproduce a finding.</summary>
internal static class Replay
{
    public delegate void Target(ReadOnlySpan<byte> input);

    /// <summary>Bytes of the coverage map attached for replaying (SharpFuzz's map is 64 KiB; this leaves room).</summary>
    private const int CoverageMapSize = 1 << 20;

    public static int Run(string path, Target target)
    {
        AttachCoverageMap();
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [path];
        var failures = 0;

        // Warm up (the advisor is built on the first input), so that no file is blamed for the start-up time.
        try
        {
            target([]);
        }
#pragma warning disable CA1031 // the warm-up input is empty; whatever it does is not a finding of any file
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var started = Stopwatch.GetTimestamp();
            try
            {
                target(bytes);
            }
#pragma warning disable CA1031 // every other exception is a finding, reported and counted
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                Console.Error.WriteLine($"FINDING {file}: {ex.GetType().FullName}: {ex.Message}");
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > TimeSpan.FromSeconds(1))
            {
                Console.Error.WriteLine($"SLOW {file}: {elapsed.TotalMilliseconds:F0} ms");
            }
        }

        Console.WriteLine($"replayed {files.Length} file(s) in {clock.Elapsed.TotalSeconds:F1} s: {failures} finding(s)");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// Instrumented code counts every branch into SharpFuzz's coverage map, which a fuzzer normally provides;
    /// without one the map is null and the first instrumented branch crashes, so replaying attaches one of its own.
    /// An uninstrumented build never touches it.
    /// </summary>
    private static unsafe void AttachCoverageMap()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(CoverageMapSize);
        }
    }
}
