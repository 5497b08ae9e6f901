using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-022 (info, patient scope): Fused spine: protect balance.</summary>
[Name("ASM-022")]
[Description("Fused spine: protect balance")]
public sealed class Asm022 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.Ankylosis == AnkylosisStatus.Present);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-022", Severity.Info, null)));
    }
}
