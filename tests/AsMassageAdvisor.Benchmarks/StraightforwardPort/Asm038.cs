using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-038 (warning, item scope): Forceful work on the head or shoulders with a neck that is or may be fused.</summary>
[Name("ASM-038")]
[Description("Forceful work on the head or shoulders with a neck that is or may be fused")]
public sealed class Asm038 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(
                () => patient,
                p => p.Ankylosis != AnkylosisStatus.Absent,
                p => p.AnkylosedRegions.Count == 0 || p.AnkylosedRegions.Contains(BodyRegion.Cervical))
            .Match(
                () => item,
                i => i.Item.Region == BodyRegion.Head || i.Item.Region == BodyRegion.Shoulders,
                i => !Terms.MovesSpinalJoints(i.Item),
                i => Terms.IsAggressive(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-038", Severity.Warning, item.Index)));
    }
}
