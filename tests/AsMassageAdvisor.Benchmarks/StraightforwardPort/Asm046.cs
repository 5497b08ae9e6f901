using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-046 (caution, item scope): State the pressure of this gentle item.</summary>
[Name("ASM-046")]
[Description("State the pressure of this gentle item")]
public sealed class Asm046 : Rule
{
    public override void Define()
    {
        IndexedItem item = null!;

        When()
            .Match(
                () => item,
                i => i.Item.Pressure == Pressure.Unknown,
                i => i.Item.Technique == Technique.Effleurage || i.Item.Technique == Technique.Vibration);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-046", Severity.Caution, item.Index)));
    }
}
