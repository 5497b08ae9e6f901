using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// The differential check of <see cref="StraightforwardPort"/> against <see cref="HandWrittenRules"/>: random valid
/// requests, the same day for both, and every firing (rule code and item indexes) and the decision compared.
/// </summary>
public static class PortCheck
{
    private const int DefaultCount = 20_000;
    private const int DefaultSeed = 20_260_101;
    private const int ShownDifferences = 10;

    /// <summary>
    /// Runs the check: <c>port-check [N] [--seed S]</c>. Returns 0 when the port agrees on every request, 1 otherwise.
    /// </summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = DefaultCount;
        var seed = DefaultSeed;
        for (var a = 0; a < args.Count; a++)
        {
            if (args[a] == "--seed" && a + 1 < args.Count)
            {
                seed = int.Parse(args[++a], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                count = int.Parse(args[a], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var today = new DateOnly(2026, 12, 1);
        var port = new StraightforwardPort();
        var advisor = new Advisor(KnowledgeBase.BuiltIn);
        var requests = new RandomRequests(seed, today);
        var (expected, actual) = (new List<HandWrittenRules.Firing>(), new List<HandWrittenRules.Firing>());
        var (differences, firings, items, withheld) = (0, 0L, 0L, 0L);
        var perRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var decisions = new int[Enum.GetValues<Decision>().Length];
        string[] scenarios = [Scenarios.Typical, Scenarios.HighRisk, Scenarios.Large];
        for (var n = -scenarios.Length; n < count; n++)
        {
            // The benchmark scenarios first, then the random requests.
            var request = n < 0 ? Scenarios.Get(scenarios[n + scenarios.Length]) : requests.Next();

            // Throws when the generator made a request the advisor would reject.
            advisor.Assess(request);
            expected.Clear();
            actual.Clear();
            var expectedDecision = HandWrittenRules.Assess(request, expected, today);
            var actualDecision = port.Assess(request, actual, today);
            var (want, got) = (Describe(expected), Describe(actual));
            items += request.Plan.Items.Count;
            firings += expected.Sum(f => Math.Max(1, f.Items.Length));
            decisions[(int)expectedDecision]++;
            withheld += Withheld(request, expected);
            foreach (var firing in expected)
            {
                perRule[firing.Code] = perRule.GetValueOrDefault(firing.Code) + 1;
            }

            if (expectedDecision != actualDecision || want != got)
            {
                differences++;
                if (differences <= ShownDifferences)
                {
                    Console.WriteLine($"request {(n < 0 ? scenarios[n + scenarios.Length] : n)}: decision {expectedDecision} / port {actualDecision}");
                    Console.WriteLine($"  hand-written: {want}");
                    Console.WriteLine($"  port:         {got}");
                }
            }
        }

        Console.WriteLine($"port-check: the {scenarios.Length} benchmark scenarios and {count} random requests (seed {seed}), {items} plan items, {port.RuleCount} NRules rules");
        Console.WriteLine($"  firings compared (rule on patient, or rule on item): {firings}");
        Console.WriteLine($"  rules seen firing: {perRule.Count}; least often: {string.Join(", ", perRule.OrderBy(r => r.Value).Take(3).Select(r => $"{r.Key} in {r.Value} requests"))}");
        Console.WriteLine($"  ASM-025/ASM-029 firings withheld (silent above caution): {withheld}");
        Console.WriteLine($"  decisions: {string.Join(", ", Enum.GetValues<Decision>().Select(d => $"{d} {decisions[(int)d]}"))}");
        Console.WriteLine($"  differences: {differences}");
        return differences == 0 ? 0 : 1;
    }

    /// <summary>How many firings of ASM-025 (on the patient) and ASM-029 (per item) were met but withheld.</summary>
    private static int Withheld(AssessmentRequest request, List<HandWrittenRules.Firing> reported)
    {
        var (patient, items) = (request.Patient, request.Plan.Items);
        var ankylosis = patient.Ankylosis == AnkylosisStatus.Unknown && patient.AnkylosedRegions.Count > 0 ? AnkylosisStatus.Present : patient.Ankylosis;
        if (patient.DiseaseActivity != DiseaseActivity.Stable)
        {
            return 0;
        }

        var met = ankylosis == AnkylosisStatus.Absent && items.All(Terms.IsGentle) ? 1 : 0;
        met += items.Count(i => Terms.IsAggressive(i) && i.Pressure != Pressure.Extreme);
        return met - reported.Where(f => f.Code is "ASM-025" or "ASM-029").Sum(f => Math.Max(1, f.Items.Length));
    }

    private static string Describe(List<HandWrittenRules.Firing> firings) => string.Join(
        " ",
        firings.OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => f.Items.Length == 0 ? f.Code : $"{f.Code}[{string.Join(',', f.Items)}]"));
}
