using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-035 (warning, item scope): Spinal manipulation is not advised in this disease.</summary>
[Name("ASM-035")]
[Description("Spinal manipulation is not advised in this disease")]
public sealed class Asm035 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => p.Ankylosis == AnkylosisStatus.Absent)
            .Match(() => item, i => i.Item.Technique == Technique.SpinalManipulation);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-035", Severity.Warning, item.Index)));
    }
}
