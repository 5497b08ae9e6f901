using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-021 (info, patient scope): Smoking and flare-ups.</summary>
[Name("ASM-021")]
[Description("Smoking and flare-ups")]
public sealed class Asm021 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.Smoker == Answer.Yes);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-021", Severity.Info, null)));
    }
}
