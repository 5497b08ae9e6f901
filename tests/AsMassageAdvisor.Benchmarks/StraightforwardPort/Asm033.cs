using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-033 (warning, item scope): Who gives the deep work is unknown.</summary>
[Name("ASM-033")]
[Description("Who gives the deep work is unknown")]
public sealed class Asm033 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;
        IndexedItem item = null!;

        When()
            .Match(() => plan, s => s.AdministeredBy == Administrator.Unknown)
            .Match(
                () => item,
                i => Terms.IsAggressive(i.Item),
                i => i.Item.Technique != Technique.ToolSelfMassage);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-033", Severity.Warning, item.Index)));
    }
}
