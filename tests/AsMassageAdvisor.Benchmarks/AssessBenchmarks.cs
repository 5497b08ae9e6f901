using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using BenchmarkDotNet.Attributes;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// Four contenders on the same inputs: the advisor's <c>Assess</c> (validation, rules, advisories with texts, the
/// safer plan checked again in a second session); the library's NRules network alone (one session: inference,
/// advisory and withholding rules, the findings read back); the rules ported to NRules as its documentation suggests
/// (one Fluent rule class per rule, patient/plan/item joins, a session per assessment; firings and the decision only),
/// the baseline; and the rules written by hand in C# (firings and the decision only), the speed limit.
/// </summary>
[MemoryDiagnoser]
public class AssessBenchmarks
{
    private readonly List<HandWrittenRules.Firing> _firings = new(64);
    private Advisor _advisor = null!;
    private RuleNetwork _network = null!;
    private StraightforwardPort _port = null!;
    private AssessmentRequest _request = null!;

    [Params(Scenarios.Typical, Scenarios.HighRisk, Scenarios.Large)]
    public string Scenario { get; set; } = Scenarios.Typical;

    [GlobalSetup]
    public void Setup()
    {
        _advisor = new Advisor(KnowledgeBase.BuiltIn);
        _network = KnowledgeBase.BuiltIn.Network;
        _port = new StraightforwardPort();
        _request = Scenarios.Get(Scenario);
    }

    [Benchmark(Description = "Advisor.Assess")]
    public Assessment Advisor() => _advisor.Assess(_request);

    [Benchmark(Description = "library's NRules network")]
    public int Network() => _network.Run(_request, TimeProvider.System).Findings.Count;

    [Benchmark(Description = "hand-written C#")]
    public Decision HandWritten()
    {
        _firings.Clear();
        return HandWrittenRules.Assess(_request, _firings);
    }

    [Benchmark(Baseline = true, Description = "straightforward NRules port")]
    public Decision NRulesPort()
    {
        _firings.Clear();
        return _port.Assess(_request, _firings);
    }
}
