using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-001 (contraindicated, item scope): No spinal manipulation with a fused spine.</summary>
[Name("ASM-001")]
[Description("No spinal manipulation with a fused spine")]
public sealed class Asm001 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(
                () => patient,
                p => p.Ankylosis == AnkylosisStatus.Present || (p.Ankylosis == AnkylosisStatus.Unknown && p.RestrictedSpinalMotion == Answer.Yes))
            .Match(
                () => item,
                i => i.Item.Technique == Technique.SpinalManipulation,
                i => i.Item.Region != BodyRegion.Sacroiliac);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-001", Severity.Contraindicated, item.Index)));
    }
}
