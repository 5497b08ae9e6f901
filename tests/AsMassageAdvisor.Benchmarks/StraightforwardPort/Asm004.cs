using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-004 (warning, item scope): Avoid extreme pressure anywhere with ankylosis.</summary>
[Name("ASM-004")]
[Description("Avoid extreme pressure anywhere with ankylosis")]
public sealed class Asm004 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => p.Ankylosis == AnkylosisStatus.Present)
            .Match(() => item, i => i.Item.Pressure == Pressure.Extreme, i => !Terms.IsSpinalWork(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-004", Severity.Warning, item.Index)));
    }
}
