using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-014 (caution, patient scope): Therapist not known to have been told of the diagnosis.</summary>
[Name("ASM-014")]
[Description("Therapist not known to have been told of the diagnosis")]
public sealed class Asm014 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;

        When()
            .Match(
                () => plan,
                s => s.AdministeredBy != Administrator.Self,
                s => s.AdministeredBy != Administrator.Unknown,
                s => s.TherapistInformedOfCondition != Answer.Yes);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-014", Severity.Caution, null)));
    }
}
