using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-045 (caution, patient scope): Re-check on the day for new neurological symptoms.</summary>
[Name("ASM-045")]
[Description("Re-check on the day for new neurological symptoms")]
public sealed class Asm045 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        SessionPlan plan = null!;

        When()
            .Match(
                () => patient,
                p => p.DiseaseActivity == DiseaseActivity.Unknown,
                p => p.NeurologicalSymptoms != null)
            .Match(() => plan, s => Terms.StatusAgeInDays(patient, s) > 7);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-045", Severity.Caution, null)));
    }
}
