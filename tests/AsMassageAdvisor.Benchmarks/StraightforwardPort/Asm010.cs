using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-010 (warning, item scope): Flare status unknown before aggressive work.</summary>
[Name("ASM-010")]
[Description("Flare status unknown before aggressive work")]
public sealed class Asm010 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => p.DiseaseActivity == DiseaseActivity.Unknown)
            .Match(() => item, i => Terms.IsAggressive(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-010", Severity.Warning, item.Index)));
    }
}
