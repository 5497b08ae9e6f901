using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-032 (caution, patient scope): Establish whether a flare-up is under way.</summary>
[Name("ASM-032")]
[Description("Establish whether a flare-up is under way")]
public sealed class Asm032 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.DiseaseActivity == DiseaseActivity.Unknown);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-032", Severity.Caution, null)));
    }
}
