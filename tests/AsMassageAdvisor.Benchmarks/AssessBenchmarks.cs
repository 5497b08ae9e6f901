using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using BenchmarkDotNet.Attributes;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// Four contenders on the same inputs: the advisor's <c>Assess</c> (validation, rules, advisories with
/// texts); RulesEngine's own <c>ExecuteAllRulesAsync</c> on the same knowledge base (rule verdicts only);
/// the rules written by hand in C# (verdicts and firings only), the speed limit; and the rules ported to NRules
/// as its documentation suggests (a session per assessment; firings and the decision only).
/// </summary>
[MemoryDiagnoser]
public class AssessBenchmarks
{
    private readonly List<HandWrittenRules.Firing> _firings = new(64);
    private Advisor _advisor = null!;
    private RulesEngineReference _stock = null!;
    private StraightforwardPort _port = null!;
    private AssessmentRequest _request = null!;

    [Params(Scenarios.Typical, Scenarios.HighRisk, Scenarios.Large)]
    public string Scenario { get; set; } = Scenarios.Typical;

    [GlobalSetup]
    public void Setup()
    {
        _advisor = new Advisor(KnowledgeBase.BuiltIn);
        _stock = KnowledgeBase.BuiltIn.Evaluator.Reference;
        _port = new StraightforwardPort();
        _request = Scenarios.Get(Scenario);
    }

    [Benchmark(Description = "Advisor.Assess")]
    public Assessment Advisor() => _advisor.Assess(_request);

    [Benchmark(Baseline = true, Description = "RulesEngine ExecuteAllRulesAsync")]
    public int StockRulesEngine()
    {
        var fired = 0;
        foreach (var outcome in _stock.EvaluatePatient(_request.Patient, _request.Plan))
        {
            fired += outcome.Kind == RuleOutcomeKind.Fired ? 1 : 0;
        }

        foreach (var item in _request.Plan.Items)
        {
            foreach (var outcome in _stock.EvaluateItem(_request.Patient, _request.Plan, item))
            {
                fired += outcome.Kind == RuleOutcomeKind.Fired ? 1 : 0;
            }
        }

        return fired;
    }

    [Benchmark(Description = "hand-written C#")]
    public Decision HandWritten()
    {
        _firings.Clear();
        return HandWrittenRules.Assess(_request, _firings);
    }

    [Benchmark(Description = "straightforward NRules port")]
    public Decision NRulesPort()
    {
        _firings.Clear();
        return _port.Assess(_request, _firings);
    }
}
