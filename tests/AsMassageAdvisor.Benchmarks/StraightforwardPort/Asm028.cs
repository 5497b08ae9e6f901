using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-028 (warning, item scope): Avoid extreme pressure.</summary>
[Name("ASM-028")]
[Description("Avoid extreme pressure")]
public sealed class Asm028 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => p.Ankylosis != AnkylosisStatus.Present)
            .Match(() => item, i => i.Item.Pressure == Pressure.Extreme);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-028", Severity.Warning, item.Index)));
    }
}
