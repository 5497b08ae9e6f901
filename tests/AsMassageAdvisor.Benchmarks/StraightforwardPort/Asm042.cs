using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-042 (caution, patient scope): Neurological symptoms already assessed: gentle work only.</summary>
[Name("ASM-042")]
[Description("Neurological symptoms already assessed: gentle work only")]
public sealed class Asm042 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => Terms.HasAssessedUnchangedSymptoms(p));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-042", Severity.Caution, null)));
    }
}
