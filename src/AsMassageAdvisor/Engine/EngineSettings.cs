using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using RulesEngine.Models;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// RulesEngine's settings as the engine notes advise: no FastExpressionCompiler (it gave wrong answers),
/// no automatic input-type registration (an explicit type list instead), exceptions kept as messages so
/// that a failing rule can be told apart from a rule that did not fire, nothing in parallel.
/// </summary>
internal static class EngineSettings
{
    /// <summary>The types rule expressions may name: the model, its enums and the vocabulary.</summary>
    public static readonly Type[] ExpressionTypes =
    [
        typeof(PatientStatus), typeof(SessionPlan), typeof(PlanItem), typeof(Terms),
        typeof(Answer), typeof(DiseaseActivity), typeof(AnkylosisStatus), typeof(BodyRegion), typeof(Technique),
        typeof(Pressure), typeof(NeurologicalSymptom), typeof(NsaidResponse), typeof(Administrator), typeof(SessionGoal),
    ];

    public static ReSettings Create() => new()
    {
        UseFastExpressionCompiler = false,
        AutoRegisterInputType = false,
        CustomTypes = ExpressionTypes,
        IgnoreException = false,
        EnableExceptionAsErrorMessage = true,
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        EnableFormattedErrorMessage = false,
        EnableScopedParams = false,
        EnableParallelRuleCompilation = false,
        AutoExecuteActions = false,
        IsExpressionCaseSensitive = true,
    };

    /// <summary>An ordinary request on which every shipped rule must run without throwing.</summary>
    public static (PatientStatus Patient, SessionPlan Plan) WarmUpInput()
    {
        var patient = new PatientStatus
        {
            DiseaseActivity = DiseaseActivity.Flare,
            Ankylosis = AnkylosisStatus.Present,
            AnkylosedRegions = [BodyRegion.Cervical],
            NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges],
            PainfulTechniques = [Technique.DeepTissue],
            PainScore = 5,
            StatusConfirmedOn = new DateOnly(2026, 1, 1),
        };
        var plan = new SessionPlan
        {
            Goals = [SessionGoal.Relaxation],
            SessionDate = new DateOnly(2026, 1, 2),
            Items = [new PlanItem(Technique.Effleurage, BodyRegion.Cervical, Pressure.Light)],
        };
        return (patient, plan);
    }
}
