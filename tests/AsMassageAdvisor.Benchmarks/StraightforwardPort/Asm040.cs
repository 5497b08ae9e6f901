using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-040 (warning, item scope): Deep work by someone who is not a licensed therapist.</summary>
[Name("ASM-040")]
[Description("Deep work by someone who is not a licensed therapist")]
public sealed class Asm040 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;
        IndexedItem item = null!;

        When()
            .Match(() => plan, s => s.AdministeredBy == Administrator.UnlicensedPractitioner)
            .Match(
                () => item,
                i => Terms.IsAggressive(i.Item),
                i => i.Item.Technique != Technique.ToolSelfMassage);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-040", Severity.Warning, item.Index)));
    }
}
