using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-044 (caution, patient scope): Re-check on the day whether a flare-up is under way.</summary>
[Name("ASM-044")]
[Description("Re-check on the day whether a flare-up is under way")]
public sealed class Asm044 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        SessionPlan plan = null!;

        When()
            .Match(
                () => patient,
                p => p.DiseaseActivity != DiseaseActivity.Unknown,
                p => p.NeurologicalSymptoms == null)
            .Match(() => plan, s => Terms.StatusAgeInDays(patient, s) > 7);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-044", Severity.Caution, null)));
    }
}
