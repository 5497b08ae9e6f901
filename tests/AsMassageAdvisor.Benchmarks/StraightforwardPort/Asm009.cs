using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-009 (warning, item scope): Aggressive work during a flare-up.</summary>
[Name("ASM-009")]
[Description("Aggressive work during a flare-up")]
public sealed class Asm009 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => p.DiseaseActivity == DiseaseActivity.Flare)
            .Match(() => item, i => Terms.IsAggressive(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-009", Severity.Warning, item.Index)));
    }
}
