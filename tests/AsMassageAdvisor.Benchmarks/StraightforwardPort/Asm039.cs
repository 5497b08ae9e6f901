using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-039 (warning, item scope): Friction or percussion on the spine in a flare, possible flare or high pain.</summary>
[Name("ASM-039")]
[Description("Friction or percussion on the spine in a flare, possible flare or high pain")]
public sealed class Asm039 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => p.DiseaseActivity != DiseaseActivity.Stable || Terms.HasHighPainToday(p))
            .Match(
                () => item,
                i => Terms.IsSpinal(i.Item.Region),
                i => i.Item.Technique == Technique.Friction || i.Item.Technique == Technique.Tapotement);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-039", Severity.Warning, item.Index)));
    }
}
