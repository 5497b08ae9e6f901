using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-037 (warning, item scope): Aggressive work on a day of high pain.</summary>
[Name("ASM-037")]
[Description("Aggressive work on a day of high pain")]
public sealed class Asm037 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => Terms.HasHighPainToday(p))
            .Match(() => item, i => Terms.IsAggressive(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-037", Severity.Warning, item.Index)));
    }
}
