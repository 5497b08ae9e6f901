using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-020 (caution, patient scope): Do not cut medication because of massage.</summary>
[Name("ASM-020")]
[Description("Do not cut medication because of massage")]
public sealed class Asm020 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;

        When()
            .Match(() => plan, s => s.Goals.Contains(SessionGoal.ReduceMedication));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-020", Severity.Caution, null)));
    }
}
