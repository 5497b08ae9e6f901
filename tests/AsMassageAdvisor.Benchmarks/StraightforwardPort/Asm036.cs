using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-036 (caution, patient scope): High pain today.</summary>
[Name("ASM-036")]
[Description("High pain today")]
public sealed class Asm036 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        SessionPlan plan = null!;

        When()
            .Match(() => patient, p => Terms.HasHighPainToday(p))
            .Match(() => plan, s => !s.Items.Any(it => Terms.IsAggressive(it)));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-036", Severity.Caution, null)));
    }
}
