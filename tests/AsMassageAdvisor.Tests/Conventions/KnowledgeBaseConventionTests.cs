using System.Text.RegularExpressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Conventions;

/// <summary>Scans the built-in knowledge base against the clinical requirements and the project's rules for rules.</summary>
public sealed partial class KnowledgeBaseConventionTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.BuiltIn;

    // The clinical requirements table (K01–K33): severity, basis, and the S0 sections and other sources each
    // requirement rests on.
    public static TheoryData<string, Severity, Basis, string[]> RequirementTable => new()
    {
        { "K01", Severity.Contraindicated, Basis.Stated, ["S0 Risks", "S0 Use Caution"] },
        { "K02", Severity.Contraindicated, Basis.Stated, ["S0 Risks", "S0 Use Caution"] },
        { "K03", Severity.Warning, Basis.Interpreted, ["S0 Use Caution"] },
        { "K04", Severity.Warning, Basis.Interpreted, ["S0 Risks", "S0 Types of Massages"] },
        { "K05", Severity.Contraindicated, Basis.Interpreted, ["S0 Risks", "S0 Use Caution"] },
        { "K05", Severity.Warning, Basis.Interpreted, ["S0 Risks"] },
        { "K06", Severity.Warning, Basis.Stated, ["S0 Use Caution", "S0 Risks"] },
        { "K07", Severity.Info, Basis.Stated, ["S0 Use Caution", "S0 Risks"] },
        { "K08", Severity.Warning, Basis.Stated, ["S0 Risks"] },
        { "K09", Severity.Warning, Basis.Interpreted, ["S0 Risks"] },
        { "K10", Severity.Caution, Basis.Stated, ["S0 Other Treatment Options", "R6"] },
        { "K11", Severity.Caution, Basis.Stated, ["S0 Other Treatment Options", "R6"] },
        { "K12", Severity.Caution, Basis.Stated, ["S0 Finding a Qualified Massage Therapist", "S0 A Word From Verywell"] },
        { "K13", Severity.Caution, Basis.Stated, ["S0 Risks"] },
        { "K14", Severity.Caution, Basis.Stated, ["S0 Finding a Qualified Massage Therapist"] },
        { "K15", Severity.Warning, Basis.Stated, ["S0 Frequently Asked Questions"] },
        { "K16", Severity.Stop, Basis.Interpreted, ["S0 Risks", "S0 Use Caution"] },
        { "K17", Severity.Info, Basis.Stated, ["S0 Frequently Asked Questions", "R3"] },
        { "K18", Severity.Info, Basis.Stated, ["S0 Benefits", "R3"] },
        { "K19", Severity.Caution, Basis.Stated, ["S0 Benefits", "S0 Other Treatment Options", "R4"] },
        { "K20", Severity.Info, Basis.Stated, ["S0 Frequently Asked Questions"] },
        { "K21", Severity.Info, Basis.Interpreted, ["S0 Frequently Asked Questions"] },
        { "K22", Severity.Info, Basis.Stated, ["S0 Frequently Asked Questions"] },
        { "K23", Severity.Info, Basis.Stated, ["S0 Benefits", "S0 Summary"] },
        { "K24", Severity.Info, Basis.Stated, ["S0 Benefits"] },
        { "K25", Severity.Info, Basis.Stated, ["S0 Other Treatment Options", "R6"] },
        { "K26", Severity.Warning, Basis.Interpreted, ["S0 Use Caution", "S0 Risks"] },
        { "K27", Severity.Caution, Basis.Interpreted, ["S0 Risks", "S0 Use Caution"] },
        { "K27", Severity.Warning, Basis.Interpreted, ["S0 Risks", "S0 Use Caution"] },
        { "K28", Severity.Warning, Basis.Interpreted, ["S0 Risks", "S0 Use Caution"] },
        { "K29", Severity.Warning, Basis.Interpreted, ["S0 Risks", "S0 Types of Massages"] },
        { "K30", Severity.Caution, Basis.Stated, ["S0 Finding a Qualified Massage Therapist"] },
        { "K31", Severity.Warning, Basis.Interpreted, ["S0 Frequently Asked Questions", "S0 Finding a Qualified Massage Therapist"] },
        { "K32", Severity.Caution, Basis.Interpreted, ["S0 Risks", "S0 Use Caution"] },
        { "K32", Severity.Warning, Basis.Interpreted, ["S0 Risks", "S0 Use Caution"] },
        { "K33", Severity.Contraindicated, Basis.Interpreted, ["S0 Use Caution"] },
    };

    [Theory]
    [MemberData(nameof(RequirementTable))]
    public void Each_requirement_has_a_production_rule_with_its_severity_basis_and_sources(string id, Severity severity, Basis basis, string[] sources)
    {
        var rules = Kb.ActiveRules.Where(r => r.Requirements.Contains(id)).ToList();

        rules.Should().NotBeEmpty($"{id} must be implemented");
        rules.Should().Contain(r => r.Severity == severity && r.Basis == basis, $"{id} asks for {severity}, {basis}");

        // Where several rules carry the requirement at that level (K05: manipulation, ASM-006, and passive stretching
        // classified with it, ASM-041), the one that carries the fewest requirements is its own.
        var primary = rules.Where(r => r.Severity == severity && r.Basis == basis).OrderBy(r => r.Requirements.Count).ThenBy(r => r.Code, StringComparer.Ordinal).First();
        var cited = primary.Citations.Select(c => c.Source == "S0" ? $"S0 {c.Section}" : c.Source).ToList();

        // A rule that carries two requirements (ASM-008: K07 and K23) cites the sources of both.
        cited.Should().Contain(sources, $"{primary.Code} must cite what {id} rests on");
        if (primary.Requirements.Count == 1)
        {
            cited.Should().BeEquivalentTo(sources, $"{primary.Code} must cite only what {id} rests on");
        }
    }

    [Fact]
    public void The_knowledge_base_lists_exactly_the_specified_and_the_added_requirements()
    {
        var specified = RequirementTable.Select(row => (string)row[0]).Distinct();

        Kb.Requirements.Select(q => q.Id).Should().BeEquivalentTo(specified.Concat(["X01", "X02", "X03", "X04", "X05", "X06", "X07"]));
        Kb.Requirements.Where(q => q.Id.StartsWith('X')).Should().OnlyContain(q => q.Origin == "added from S0" && q.Summary.StartsWith("Added:", StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_are_unique_and_numbered()
    {
        Kb.Rules.Select(r => r.Code).Should().OnlyHaveUniqueItems().And.OnlyContain(c => CodePattern().IsMatch(c));
    }

    [Fact]
    public void Every_rule_cites_a_section_of_the_article_and_says_its_basis()
    {
        var s0 = Kb.GetSource("S0");
        foreach (var rule in Kb.Rules)
        {
            rule.Citations.Should().Contain(c => c.Source == "S0", rule.Code);
            rule.Citations.Where(c => c.Source == "S0").Should().OnlyContain(c => s0.Sections.Contains(c.Section), rule.Code);
            rule.Basis.Should().BeOneOf([Basis.Stated, Basis.Interpreted], rule.Code);
            rule.Citations.Should().OnlyContain(c => c.Evidence.Scheme == "SORT", rule.Code);
        }
    }

    [Fact]
    public void The_article_is_graded_as_low_evidence_and_studies_no_higher_than_limited_or_lower_when_indirect()
    {
        var citations = Kb.Rules.SelectMany(r => r.Citations).ToList();

        citations.Where(c => c.Source == "S0").Should().OnlyContain(c => c.Evidence.Level == "C");
        citations.Where(c => c.Source != "S0").Should().OnlyContain(c => c.Evidence.Level == "B" || c.Evidence.Level == "C");

        // R4 studied chronic low back pain, not this disease: for an AS claim it is indirect evidence.
        citations.Where(c => c.Source == "R4").Should().NotBeEmpty().And.OnlyContain(c => c.Evidence.Level == "C");
    }

    [Fact]
    public void Every_rule_has_the_texts_a_clinician_needs()
    {
        foreach (var rule in Kb.Rules)
        {
            rule.Title.Length.Should().BeInRange(10, 80, rule.Code);
            rule.Message.Length.Should().BeGreaterThan(40, rule.Code);
            rule.When.Should().EndWith(".", rule.Code);
            rule.Triggers.Should().NotBeEmpty(rule.Code);
            rule.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+$", rule.Code);
            rule.LastReviewed.Should().BeAfter(new DateOnly(2026, 1, 1), rule.Code);
        }
    }

    [Fact]
    public void Sacroiliac_is_only_ever_spinal_by_interpretation()
    {
        // Rules whose condition names the sacroiliac region on its own must say their basis is interpreted.
        Kb.Rules.Where(r => r.Expression.Contains("== BodyRegion.Sacroiliac", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(r => r.Basis == Basis.Interpreted);
    }

    [GeneratedRegex("^ASM-[0-9]{3}$")]
    private static partial Regex CodePattern();
}
