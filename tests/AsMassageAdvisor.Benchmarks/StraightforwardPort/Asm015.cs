using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-015 (caution, patient scope): Giver not known to be a licensed therapist.</summary>
[Name("ASM-015")]
[Description("Giver not known to be a licensed therapist")]
public sealed class Asm015 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;

        When()
            .Match(
                () => plan,
                s => s.AdministeredBy == Administrator.UnlicensedPractitioner || s.AdministeredBy == Administrator.Unknown
                    || (s.AdministeredBy == Administrator.Self && !s.Items.All(i =>
                        i.Technique != Technique.ToolSelfMassage && i.Technique != Technique.DeepTissue && i.Technique != Technique.TriggerPoint
                        && (i.Pressure == Pressure.Light || i.Pressure == Pressure.Moderate))));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-015", Severity.Caution, null)));
    }
}
