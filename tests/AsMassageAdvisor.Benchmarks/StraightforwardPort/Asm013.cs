using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-013 (caution, patient scope): Healthcare provider not known to have been consulted.</summary>
[Name("ASM-013")]
[Description("Healthcare provider not known to have been consulted")]
public sealed class Asm013 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.ProviderConsulted != Answer.Yes);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-013", Severity.Caution, null)));
    }
}
