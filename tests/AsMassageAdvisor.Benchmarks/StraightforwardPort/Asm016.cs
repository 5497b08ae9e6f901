using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-016 (warning, item scope): Do-it-yourself deep work is not advised.</summary>
[Name("ASM-016")]
[Description("Do-it-yourself deep work is not advised")]
public sealed class Asm016 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;
        IndexedItem item = null!;

        When()
            .Match(() => plan)
            .Match(
                () => item,
                i => i.Item.Technique == Technique.ToolSelfMassage || (plan.AdministeredBy == Administrator.Self && Terms.IsAggressive(i.Item)));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-016", Severity.Warning, item.Index)));
    }
}
