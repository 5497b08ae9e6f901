using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-027 (warning, item scope): State the pressure of every item.</summary>
[Name("ASM-027")]
[Description("State the pressure of every item")]
public sealed class Asm027 : Rule
{
    public override void Define()
    {
        IndexedItem item = null!;

        When()
            .Match(
                () => item,
                i => i.Item.Pressure == Pressure.Unknown,
                i => i.Item.Technique != Technique.Effleurage && i.Item.Technique != Technique.Vibration);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-027", Severity.Warning, item.Index)));
    }
}
