using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// The problems found while reading knowledge files, each tagged with the rule being read, if any; the strict
/// JSON core reports its problems (unknown and repeated fields, wrong types) here too.
/// </summary>
internal sealed class KnowledgeProblems
{
    public KnowledgeProblems() => Json = new StrictJson(sink: e => Add(e.Path, e.Message));

    public List<KnowledgeBaseProblem> List { get; } = [];

    /// <summary>The strict JSON core, reporting into this list.</summary>
    public StrictJson Json { get; }

    /// <summary>The rule being read, named in every problem added meanwhile; null outside a rule.</summary>
    public string? Rule { get; set; }

    public int Count => List.Count;

    public void Add(string path, string message) => List.Add(new KnowledgeBaseProblem(Rule, path, message));

    public void Add(KnowledgeBaseProblem problem) => List.Add(problem);
}
