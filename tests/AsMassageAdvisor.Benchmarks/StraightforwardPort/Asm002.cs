using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-002 (contraindicated, item scope): No forceful work over a fused spine.</summary>
[Name("ASM-002")]
[Description("No forceful work over a fused spine")]
public sealed class Asm002 : Rule
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
                i => Terms.IsBackOrNeck(i.Item.Region),
                i => !Terms.MovesSpinalJoints(i.Item),
                i => Terms.IsAggressive(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-002", Severity.Contraindicated, item.Index)));
    }
}
