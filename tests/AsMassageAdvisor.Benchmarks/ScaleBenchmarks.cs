using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using BenchmarkDotNet.Attributes;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>How loading and assessing grow with the number of rules (typical 3-item plan).</summary>
[MemoryDiagnoser]
public class RuleCountBenchmarks
{
    private string _rules = "";
    private Advisor _advisor = null!;
    private AssessmentRequest _request = null!;

    [Params(37, 100, 300, 1000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rules = SyntheticKnowledge.Rules(Rules);
        _advisor = new Advisor(KnowledgeBase.Load(_rules, SyntheticKnowledge.SourcesJson));
        _request = Scenarios.Get(Scenarios.Typical);
    }

    [Benchmark(Description = "load (parse, check, compile, warm up)")]
    public KnowledgeBase Load() => KnowledgeBase.Load(_rules, SyntheticKnowledge.SourcesJson);

    [Benchmark(Description = "assess")]
    public Assessment Assess() => _advisor.Assess(_request);
}

/// <summary>How assessing grows with the number of plan items (built-in knowledge base).</summary>
[MemoryDiagnoser]
public class PlanSizeBenchmarks
{
    private readonly Advisor _advisor = new(KnowledgeBase.BuiltIn);
    private AssessmentRequest _request = null!;

    [Params(1, 5, 20, 100)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var large = Scenarios.Get(Scenarios.Large);
        _request = large with { Plan = large.Plan with { Items = Enumerable.Range(0, Items).Select(i => large.Plan.Items[i % large.Plan.Items.Count]).ToArray() } };
    }

    [Benchmark(Description = "assess")]
    public Assessment Assess() => _advisor.Assess(_request);
}

/// <summary>Building an advisor on the built-in knowledge base in a warm process.</summary>
[MemoryDiagnoser]
public class ConstructionBenchmarks
{
    [Benchmark(Description = "load the built-in knowledge base and build an advisor")]
    public Advisor Build() => new(KnowledgeBase.Load(SyntheticKnowledge.RulesJson, SyntheticKnowledge.SourcesJson));
}
