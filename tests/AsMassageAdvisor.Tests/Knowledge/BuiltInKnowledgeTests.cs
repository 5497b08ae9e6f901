using System.Text;
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
    private static readonly KnowledgeBase FromFiles = KnowledgeBase.LoadBuiltInFromFiles();

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
