using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-008 (info, patient scope): Stop anything that hurts; massage adds to usual care.</summary>
[Name("ASM-008")]
[Description("Stop anything that hurts; massage adds to usual care")]
public sealed class Asm008 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-008", Severity.Info, null)));
    }
}
