using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-019 (info, item scope): A gentler massage may help as much.</summary>
[Name("ASM-019")]
[Description("A gentler massage may help as much")]
public sealed class Asm019 : Rule
{
    public override void Define()
    {
        SessionPlan plan = null!;
        IndexedItem item = null!;

        When()
            .Match(() => plan, s => s.AdministeredBy != Administrator.Self)
            .Match(() => item, i => i.Item.Technique == Technique.DeepTissue);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-019", Severity.Info, item.Index)));
    }
}
