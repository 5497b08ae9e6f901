using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-030 (caution, patient scope): Re-check the patient's status on the day.</summary>
[Name("ASM-030")]
[Description("Re-check the patient's status on the day")]
public sealed class Asm030 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        SessionPlan plan = null!;

        When()
            .Match(
                () => patient,
                p => p.DiseaseActivity != DiseaseActivity.Unknown,
                p => p.NeurologicalSymptoms != null)
            .Match(() => plan, s => Terms.StatusAgeInDays(patient, s) > 7);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-030", Severity.Caution, null)));
    }
}
