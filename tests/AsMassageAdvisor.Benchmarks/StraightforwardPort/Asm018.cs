using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-018 (info, item scope): Deep-tissue work does not lower inflammation.</summary>
[Name("ASM-018")]
[Description("Deep-tissue work does not lower inflammation")]
public sealed class Asm018 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;
        IndexedItem item = null!;

        When()
            .Match(() => plan, s => s.Goals.Contains(SessionGoal.ReduceInflammation))
            .Match(() => item, i => i.Item.Technique == Technique.DeepTissue);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-018", Severity.Info, item.Index)));
    }
}
