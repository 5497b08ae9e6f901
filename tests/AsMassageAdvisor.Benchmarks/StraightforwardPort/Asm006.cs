using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-006 (contraindicated, item scope): No spinal manipulation until fusion is ruled out.</summary>
[Name("ASM-006")]
[Description("No spinal manipulation until fusion is ruled out")]
public sealed class Asm006 : Rule
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
            .Match(() => item, i => i.Item.Technique == Technique.SpinalManipulation);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-006", Severity.Contraindicated, item.Index)));
    }
}
