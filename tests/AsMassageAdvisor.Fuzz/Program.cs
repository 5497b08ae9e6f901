using AsMassageAdvisor;
using AsMassageAdvisor.Fuzz;
using AsMassageAdvisor.Reading;
using SharpFuzz;

// The fuzz target: read a request strictly and assess it. An InvalidRequestException is the expected
// answer to a bad request; any other exception (or a crash, or a hang) is a finding.
//
//   (no arguments)      libFuzzer mode: Fuzzer.LibFuzzer.Run, under SharpFuzz's libfuzzer-dotnet driver
//   --afl               AFL mode: Fuzzer.Run, the classic SharpFuzz fork server for afl-fuzz, input on stdin
//   --replay DIR|FILE   runs every file through the target without any fuzzer; exit 1 if one breaks it
//
// The advisor is made on the first input, not before: in an instrumented build, code of the instrumented
// assembly may only run once the fuzzer's coverage map is attached (Fuzzer.Run does that; --replay
// attaches a private map first).
Advisor? advisor = null;

if (args.Length >= 1 && args[0] == "--replay")
{
    return Replay.Run(args.Length >= 2 ? args[1] : "corpus", Target);
}

if (args.Length >= 1 && args[0] == "--afl")
{
    Fuzzer.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Target(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    });
    return 0;
}

Fuzzer.LibFuzzer.Run(span => Target(span));
return 0;

void Target(ReadOnlySpan<byte> input)
{
    advisor ??= new Advisor();
    try
    {
        advisor.Assess(AssessmentRequestJson.Parse(input));
    }
    catch (InvalidRequestException)
    {
        // A rejected request: the reader did its job.
    }
}
