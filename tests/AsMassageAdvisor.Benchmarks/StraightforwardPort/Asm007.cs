using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-007 (warning, item scope): Technique has raised this patient's pain.</summary>
[Name("ASM-007")]
[Description("Technique has raised this patient's pain")]
public sealed class Asm007 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient)
            .Match(() => item, i => patient.PainfulTechniques.Contains(i.Item.Technique));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-007", Severity.Warning, item.Index)));
    }
}
