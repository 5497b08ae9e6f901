using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>What each rule of the catalogue must report when it fires, written out by hand from rules.json.</summary>
/// <param name="Severity">The rule's severity.</param>
/// <param name="PerItem">True for an item rule (the advisory names plan items), false for a patient rule.</param>
/// <param name="Requirements">The requirement IDs the rule implements.</param>
/// <param name="Citations">The cited source and section pairs, in catalogue order.</param>
internal sealed record ExpectedRule(Severity Severity, bool PerItem, IReadOnlyList<string> Requirements, IReadOnlyList<(string Source, string Section)> Citations);

internal static class ExpectedRules
{
    private static readonly (string, string) Risks = ("S0", "Risks");
    private static readonly (string, string) UseCaution = ("S0", "Use Caution");
    private static readonly (string, string) TypesOfMassages = ("S0", "Types of Massages");
    private static readonly (string, string) Benefits = ("S0", "Benefits");
    private static readonly (string, string) Summary = ("S0", "Summary");
    private static readonly (string, string) Faq = ("S0", "Frequently Asked Questions");
    private static readonly (string, string) OtherTreatment = ("S0", "Other Treatment Options");
    private static readonly (string, string) FindingTherapist = ("S0", "Finding a Qualified Massage Therapist");
    private static readonly (string, string) WordFromVerywell = ("S0", "A Word From Verywell");
    private static readonly (string, string) DeepVersusLighterStudy = ("R3", "whole work");
    private static readonly (string, string) LowBackPainNsaidStudy = ("R4", "whole work");
    private static readonly (string, string) TreatmentGuideline = ("R6", "whole work");

    private static readonly Dictionary<string, ExpectedRule> ByCode = new(StringComparer.Ordinal)
    {
        ["ASM-001"] = Item(Severity.Contraindicated, ["K01"], Risks, UseCaution),
        ["ASM-002"] = Item(Severity.Contraindicated, ["K02"], Risks, UseCaution),
        ["ASM-003"] = Item(Severity.Contraindicated, ["K01", "K02"], Risks, UseCaution),
        ["ASM-004"] = Item(Severity.Warning, ["K03"], UseCaution),
        ["ASM-005"] = Item(Severity.Warning, ["K04"], Risks, TypesOfMassages),
        ["ASM-006"] = Item(Severity.Contraindicated, ["K05"], Risks, UseCaution),
        ["ASM-007"] = Item(Severity.Warning, ["K06"], UseCaution, Risks),
        ["ASM-008"] = Patient(Severity.Info, ["K07", "K23"], UseCaution, Risks, Benefits, Summary),
        ["ASM-009"] = Item(Severity.Warning, ["K08"], Risks),
        ["ASM-010"] = Item(Severity.Warning, ["K09"], Risks),
        ["ASM-011"] = Patient(Severity.Caution, ["K10"], OtherTreatment, TreatmentGuideline),
        ["ASM-012"] = Patient(Severity.Caution, ["K11"], OtherTreatment, TreatmentGuideline),
        ["ASM-013"] = Patient(Severity.Caution, ["K12"], FindingTherapist, WordFromVerywell),
        ["ASM-014"] = Patient(Severity.Caution, ["K13"], Risks),
        ["ASM-015"] = Patient(Severity.Caution, ["K14", "K30"], FindingTherapist),
        ["ASM-016"] = Item(Severity.Warning, ["K15"], Faq),
        ["ASM-017"] = Patient(Severity.Stop, ["K16"], Risks, UseCaution),
        ["ASM-018"] = Item(Severity.Info, ["K17"], Faq, DeepVersusLighterStudy),
        ["ASM-019"] = Item(Severity.Info, ["K18"], Benefits, DeepVersusLighterStudy),
        ["ASM-020"] = Patient(Severity.Caution, ["K19"], Benefits, OtherTreatment, LowBackPainNsaidStudy),
        ["ASM-021"] = Patient(Severity.Info, ["K20"], Faq),
        ["ASM-022"] = Patient(Severity.Info, ["K21"], Faq),
        ["ASM-023"] = Patient(Severity.Info, ["K22"], Faq),
        ["ASM-024"] = Patient(Severity.Info, ["K23"], Benefits, Summary),
        ["ASM-025"] = Patient(Severity.Info, ["K24"], Benefits),
        ["ASM-026"] = Patient(Severity.Info, ["K25"], OtherTreatment, TreatmentGuideline),
        ["ASM-027"] = Item(Severity.Warning, ["X01"], UseCaution, Summary),
        ["ASM-028"] = Item(Severity.Warning, ["X02"], Summary, Risks),
        ["ASM-029"] = Item(Severity.Caution, ["X03"], Risks, Summary),
        ["ASM-030"] = Patient(Severity.Caution, ["X04"], WordFromVerywell, Risks),
        ["ASM-031"] = Patient(Severity.Caution, ["X05"], Risks, UseCaution),
        ["ASM-032"] = Patient(Severity.Caution, ["X06"], OtherTreatment, Risks),
        ["ASM-033"] = Item(Severity.Warning, ["X07"], Faq),
        ["ASM-034"] = Item(Severity.Warning, ["K05"], Risks),
        ["ASM-035"] = Item(Severity.Warning, ["K26"], UseCaution, Risks),
        ["ASM-036"] = Patient(Severity.Caution, ["K27"], Risks, UseCaution),
        ["ASM-037"] = Item(Severity.Warning, ["K27"], Risks, UseCaution),
        ["ASM-038"] = Item(Severity.Warning, ["K28"], Risks, UseCaution),
        ["ASM-039"] = Item(Severity.Warning, ["K29"], Risks, TypesOfMassages),
        ["ASM-040"] = Item(Severity.Warning, ["K31"], Faq, FindingTherapist),
        ["ASM-041"] = Item(Severity.Contraindicated, ["K33", "K01", "K05"], Risks, UseCaution),
        ["ASM-042"] = Patient(Severity.Caution, ["K32"], Risks, UseCaution),
        ["ASM-043"] = Item(Severity.Warning, ["K32"], Risks, UseCaution),
        ["ASM-044"] = Patient(Severity.Caution, ["X04"], WordFromVerywell, Risks),
        ["ASM-045"] = Patient(Severity.Caution, ["X04"], WordFromVerywell, Risks),
        ["ASM-046"] = Item(Severity.Caution, ["X01"], UseCaution, Summary),
    };

    public static ExpectedRule Of(string code) =>
        ByCode.TryGetValue(code, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(code), code, "No expectation is written down for this rule.");

    private static ExpectedRule Item(Severity severity, string[] requirements, params (string, string)[] citations) =>
        new(severity, PerItem: true, requirements, citations);

    private static ExpectedRule Patient(Severity severity, string[] requirements, params (string, string)[] citations) =>
        new(severity, PerItem: false, requirements, citations);
}

/// <summary>Assertions on an assessment in terms of the rules that fired.</summary>
internal static class AssessmentExpectations
{
    /// <summary>
    /// Asserts that an item rule fired once, for exactly the given plan items, with its catalogue severity,
    /// requirements and citations, and with triggers matching every pattern (wildcards: * and ?).
    /// </summary>
    public static Advisory ShouldFireFor(this Assessment assessment, string code, IReadOnlyList<int> items, params string[] mentions)
    {
        ExpectedRules.Of(code).PerItem.Should().BeTrue($"{code} is an item rule in the catalogue");
        return ShouldHave(assessment, code, items, mentions);
    }

    /// <summary>
    /// Asserts that a patient rule fired once, about the session as a whole, with its catalogue severity,
    /// requirements and citations, and with triggers matching every pattern (wildcards: * and ?).
    /// </summary>
    public static Advisory ShouldFire(this Assessment assessment, string code, params string[] mentions)
    {
        ExpectedRules.Of(code).PerItem.Should().BeFalse($"{code} is a patient rule in the catalogue");
        return ShouldHave(assessment, code, [], mentions);
    }

    public static void ShouldNotFire(this Assessment assessment, string code) =>
        assessment.Advisories.Select(a => a.Code).Should().NotContain(code, $"{code} should stay silent here");

    public static Severity WorstSeverity(this Assessment assessment) => assessment.Advisories.Max(a => a.Severity);

    private static Advisory ShouldHave(Assessment assessment, string code, IReadOnlyList<int> items, string[] mentions)
    {
        if (mentions.Length == 0)
        {
            throw new ArgumentException("Name at least one fact the triggers must mention.", nameof(mentions));
        }

        var expected = ExpectedRules.Of(code);
        var advisory = assessment.Advisories.Should().ContainSingle(a => a.Code == code, $"{code} should fire exactly once").Which;

        advisory.Indeterminate.Should().BeFalse();
        advisory.Severity.Should().Be(expected.Severity);
        advisory.Requirements.Should().Equal(expected.Requirements);
        advisory.Items.Should().Equal(items);
        advisory.Triggers.Should().NotBeEmpty();
        foreach (var mention in mentions)
        {
            advisory.Triggers.Should().ContainMatch(mention);
        }

        advisory.Citations.Select(c => (c.Source, c.Section)).Should().Equal(expected.Citations);
        return advisory;
    }
}
