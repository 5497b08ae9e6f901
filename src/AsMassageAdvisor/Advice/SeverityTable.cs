namespace AsMassageAdvisor.Advice;

/// <summary>The severity table of the clinical requirements, as code.</summary>
internal static class SeverityTable
{
    public static Decision DecisionFor(Severity worst) => worst switch
        {
        Severity.Stop => Decision.DoNotProceed,
        Severity.Contraindicated or Severity.Warning => Decision.ProceedWithModifications,
        Severity.Caution => Decision.ProceedWithCaution,
        _ => Decision.Proceed,
    };
}
