using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-025 (info, patient scope): Gentle massage may ease stiffness.</summary>
[Name("ASM-025")]
[Description("Gentle massage may ease stiffness")]
public sealed class Asm025 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        SessionPlan plan = null!;

        When()
            .Match(
                () => patient,
                p => p.DiseaseActivity == DiseaseActivity.Stable,
                p => p.Ankylosis == AnkylosisStatus.Absent,
                p => !Terms.HasHighPainToday(p))
            .Match(() => plan, s => s.Items.All(it => Terms.IsGentle(it)));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-025", Severity.Info, null)));
    }
}
