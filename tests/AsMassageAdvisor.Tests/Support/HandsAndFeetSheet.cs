using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>
/// A plan on the hands and the feet with one advisory, on the hands only, for the session sheet's text and browser
/// tests alike: the hands carry that advisory's severity, the feet are planned without one.
/// </summary>
internal static class HandsAndFeetSheet
{
    public static AssessmentRequest Request { get; } = new(new PatientStatus(), new SessionPlan
    {
        Items = [new PlanItem(Technique.TriggerPoint, BodyRegion.Hands, Pressure.Firm), new PlanItem(Technique.HotStone, BodyRegion.Feet, Pressure.Light)],
    });

    /// <summary>The assessment of <see cref="Request"/> with its advisories replaced by one of the given severity on the hands.</summary>
    public static Assessment AssessmentWith(Severity severity) => new Advisor().Assess(Request) with
    {
        Advisories = [new Advisory
        {
            Code = "CLN-001",
            Requirements = ["C01"],
            Severity = severity,
            Title = "Change the trigger-point work on the hands",
            Message = "Lighten it or leave it out.",
            Basis = Basis.Interpreted,
            Items = [0],
            Triggers = [],
            Citations = [],
        }],
    };
}
