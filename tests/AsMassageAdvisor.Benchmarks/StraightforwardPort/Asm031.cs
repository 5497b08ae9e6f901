using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-031 (caution, patient scope): Ask about neurological symptoms first.</summary>
[Name("ASM-031")]
[Description("Ask about neurological symptoms first")]
public sealed class Asm031 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.NeurologicalSymptoms == null);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-031", Severity.Caution, null)));
    }
}
