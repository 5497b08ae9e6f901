using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-034 (warning, item scope): Ankylosis status unknown before forceful spinal work.</summary>
[Name("ASM-034")]
[Description("Ankylosis status unknown before forceful spinal work")]
public sealed class Asm034 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(
                () => patient,
                p => p.Ankylosis == AnkylosisStatus.Unknown,
                p => p.RestrictedSpinalMotion != Answer.Yes)
            .Match(
                () => item,
                i => Terms.IsSpinal(i.Item.Region),
                i => !Terms.MovesSpinalJoints(i.Item),
                i => Terms.IsAggressive(i.Item) || i.Item.Technique == Technique.Friction || i.Item.Technique == Technique.Tapotement);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-034", Severity.Warning, item.Index)));
    }
}
