using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-029 (caution, item scope): Watch aggressive work in stable disease.</summary>
[Name("ASM-029")]
[Description("Watch aggressive work in stable disease")]
public sealed class Asm029 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => p.DiseaseActivity == DiseaseActivity.Stable)
            .Match(() => item, i => Terms.IsAggressive(i.Item), i => i.Item.Pressure != Pressure.Extreme);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-029", Severity.Caution, item.Index)));
    }
}
