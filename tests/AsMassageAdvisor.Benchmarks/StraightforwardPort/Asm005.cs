using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-005 (warning, item scope): Replace friction or percussion over a fused spine.</summary>
[Name("ASM-005")]
[Description("Replace friction or percussion over a fused spine")]
public sealed class Asm005 : Rule
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
                i => Terms.IsSpinal(i.Item.Region),
                i => i.Item.Technique == Technique.Friction || i.Item.Technique == Technique.Tapotement,
                i => i.Item.Pressure != Pressure.Firm && i.Item.Pressure != Pressure.Extreme);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-005", Severity.Warning, item.Index)));
    }
}
