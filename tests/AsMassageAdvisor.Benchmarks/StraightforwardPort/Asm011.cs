using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-011 (caution, patient scope): Massage only alongside usual flare-up care.</summary>
[Name("ASM-011")]
[Description("Massage only alongside usual flare-up care")]
public sealed class Asm011 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.DiseaseActivity == DiseaseActivity.Flare);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-011", Severity.Caution, null)));
    }
}
