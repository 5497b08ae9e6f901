using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-041 (contraindicated, item scope): No passive stretching of a spine that is or may be fused.</summary>
[Name("ASM-041")]
[Description("No passive stretching of a spine that is or may be fused")]
public sealed class Asm041 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        // The spine is treated as fused (ankylosis present, or unknown with restricted motion) or may be fused
        // (unknown otherwise): together, ankylosis present or unknown.
        When()
            .Match(
                () => patient,
                p => p.Ankylosis == AnkylosisStatus.Present || p.Ankylosis == AnkylosisStatus.Unknown)
            .Match(
                () => item,
                i => i.Item.Technique == Technique.PassiveStretching,
                i => Terms.MovesSpinalJoints(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-041", Severity.Contraindicated, item.Index)));
    }
}
