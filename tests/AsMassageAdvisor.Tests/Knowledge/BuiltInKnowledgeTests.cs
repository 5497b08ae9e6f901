using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The built-in knowledge base is transcribed into objects at build time (<c>BuiltInKnowledge</c>), so that a process
/// reads no JSON at start. The transcription must be exactly what the strict reader makes of the embedded files, which
/// is also what holds it to every check of the reader: a rule file the reader refuses fails these tests.
/// </summary>
public sealed class BuiltInKnowledgeTests
{
    private static readonly KnowledgeBase FromFiles = TestKnowledge.BuiltInFromFiles();

    [Fact]
    public void The_transcribed_rules_are_the_strict_readers_rules_field_by_field_in_the_same_order()
    {
        KnowledgeBase.BuiltIn.Rules.Should().BeEquivalentTo(FromFiles.Rules, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        KnowledgeBase.BuiltIn.ActiveRules.Select(r => r.Code).Should().Equal(FromFiles.ActiveRules.Select(r => r.Code));
    }

    [Fact]
    public void The_transcribed_requirements_and_sources_are_the_strict_readers()
    {
        KnowledgeBase.BuiltIn.Requirements.Should().Equal(FromFiles.Requirements);
        KnowledgeBase.BuiltIn.Sources.Should().BeEquivalentTo(FromFiles.Sources, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        KnowledgeBase.BuiltIn.RunStatuses.Should().Equal(FromFiles.RunStatuses);
    }

    [Fact]
    public void The_identity_is_the_hash_the_loader_computes_over_both_embedded_files()
    {
        KnowledgeBase.BuiltIn.Identity.Should().Be(FromFiles.Identity);
        KnowledgeBase.BuiltIn.Identity.Sha256.Should().Be(KnowledgeBase.Load(TestKnowledge.RulesJson, TestKnowledge.SourcesJson).Identity.Sha256);
    }

    [Fact]
    public void The_catalogue_written_from_either_is_the_same_to_the_byte()
    {
        KnowledgeBaseJson.Serialize(KnowledgeBase.BuiltIn).Should().Be(KnowledgeBaseJson.Serialize(FromFiles));
    }

    [Fact]
    public void Every_built_in_condition_comes_as_a_tree_made_at_build_time()
    {
        // A process that uses only the built-in rules then never starts Dynamic LINQ.
        KnowledgeBase.BuiltIn.ActiveRules.Where(r => BuiltInConditions.For(r.Code, r.Expression) is null).Select(r => r.Code)
            .Should().BeEmpty();
        BuiltInConditions.For("ASM-001", "true").Should().BeNull("a changed condition text is parsed, never matched to an old tree");
    }

    [Fact]
    public void The_build_time_trees_and_the_parsed_conditions_give_the_same_assessments_and_explanations()
    {
        var (trees, parsed) = (new Advisor(KnowledgeBase.BuiltIn), new Advisor(FromFiles));
        var differences = RandomRequests.Generate(seed: 20261205, count: 2_000)
            .Count(r => AssessmentJson.Serialize(trees.Assess(r)) != AssessmentJson.Serialize(parsed.Assess(r)));
        var explained = RandomRequests.Generate(seed: 3, count: 200)
            .Count(r => !trees.Explain(r).Rules.SequenceEqual(parsed.Explain(r).Rules, RuleExplanationComparer.Instance));

        differences.Should().Be(0);
        explained.Should().Be(0);
    }

    private sealed class RuleExplanationComparer : IEqualityComparer<RuleExplanation>
    {
        public static readonly RuleExplanationComparer Instance = new();

        public bool Equals(RuleExplanation? x, RuleExplanation? y) =>
            x is not null && y is not null && x.Code == y.Code && x.Verdict == y.Verdict && x.Reason == y.Reason
            && x.Items.SequenceEqual(y.Items) && x.Facts.SequenceEqual(y.Facts);

        public int GetHashCode(RuleExplanation obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void The_transcription_was_made_from_the_files_in_the_repository()
    {
        string Read(string name) => File.ReadAllText(RepositoryFiles.Path("src", "AsMassageAdvisor", "Knowledge", name), Encoding.UTF8);

        KnowledgeBase.Load(Read("rules.json"), Read("sources.json")).Identity.Should().Be(KnowledgeBase.BuiltIn.Identity,
            "a build from stale knowledge files must not pass; rebuild the library");
    }

    [Fact]
    public void The_transcribed_lists_cannot_be_changed_by_a_caller()
    {
        var kb = KnowledgeBase.BuiltIn;
        var lists = new List<object> { kb.Rules, kb.Requirements, kb.Sources, kb.ActiveRules };
        lists.AddRange(kb.Rules.SelectMany(r => new object[] { r.Requirements, r.Triggers, r.Citations }));
        lists.AddRange(kb.Sources.Select(s => s.Sections));

        // An empty list has nothing to change; every other one refuses changes.
        foreach (var list in lists.Cast<System.Collections.IList>().Where(l => l.Count > 0))
        {
            list.IsReadOnly.Should().BeTrue(list.GetType().Name);
        }
    }
}
