using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using NRules.Fluent.Dsl;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>ASM-023 (info, patient scope): Diet and inflammation.</summary>
[Name("ASM-023")]
[Description("Diet and inflammation")]
public sealed class Asm023 : Rule
{
    public override void Define()
    {
        PatientStatus patient = null!;

        When()
            .Match(() => patient, p => p.DietHighInFriedOrSugaryFoods == Answer.Yes);

        Then()
            .Do(ctx => ctx.Insert(new Finding("ASM-023", Severity.Info, null)));
    }
}
