using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-017 (stop, patient scope): Neurological symptoms: refer before any massage.</summary>
[Name("ASM-017")]
[Description("Neurological symptoms: refer before any massage")]
public sealed class Asm017 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(
                () => patient,
                p => p.NeurologicalSymptoms != null && p.NeurologicalSymptoms.Count > 0,
                p => !Terms.HasAssessedUnchangedSymptoms(p));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-017", Severity.Stop, null)));
    }
}
