using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-026 (info, patient scope): Usual care for stable disease.</summary>
[Name("ASM-026")]
[Description("Usual care for stable disease")]
public sealed class Asm026 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.DiseaseActivity == DiseaseActivity.Stable);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-026", Severity.Info, null)));
    }
}
