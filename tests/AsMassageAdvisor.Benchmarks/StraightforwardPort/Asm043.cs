using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-043 (warning, item scope): No forceful work or joint movement beside neurological symptoms.</summary>
[Name("ASM-043")]
[Description("No forceful work or joint movement beside neurological symptoms")]
public sealed class Asm043 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;
        IndexedItem item = null!;

        When()
            .Match(() => patient, p => Terms.HasAssessedUnchangedSymptoms(p))
            .Match(
                () => item,
                i => i.Item.Technique == Technique.SpinalManipulation || i.Item.Technique == Technique.PassiveStretching || Terms.IsAggressive(i.Item));

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-043", Severity.Warning, item.Index)));
    }
}
