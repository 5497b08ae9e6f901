using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-003 (contraindicated, item scope): No manipulation or forceful work over the sacroiliac joints with fusion.</summary>
[Name("ASM-003")]
[Description("No manipulation or forceful work over the sacroiliac joints with fusion")]
public sealed class Asm003 : Rule
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
                i => i.Item.Region == BodyRegion.Sacroiliac,
                i => i.Item.Technique != Technique.PassiveStretching,
                i => i.Item.Technique == Technique.SpinalManipulation || Terms.IsAggressive(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-003", Severity.Contraindicated, item.Index)));
    }
}
