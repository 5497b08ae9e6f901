using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-012 (caution, patient scope): Active disease not controlled by NSAIDs.</summary>
[Name("ASM-012")]
[Description("Active disease not controlled by NSAIDs")]
public sealed class Asm012 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(
                () => patient,
                p => p.DiseaseActivity == DiseaseActivity.Flare,
                p => p.NsaidResponse == NsaidResponse.NotControlled,
                p => p.OnTnfInhibitor != Answer.Yes);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-012", Severity.Caution, null)));
    }
}
