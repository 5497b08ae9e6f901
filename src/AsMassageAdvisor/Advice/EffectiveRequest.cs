using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// The request as the rules read it. Two readings of the contract are applied once, here, so that no rule has to
/// repeat them: fused regions listed while <c>ankylosis</c> is not given mean ankylosis is present, and an absent
/// session date, when the status has a confirmation date, means today (an absent confirmation date needs nothing:
/// it already reads as a current status).
/// </summary>
internal static class EffectiveRequest
{
    public static AssessmentRequest Of(AssessmentRequest request, TimeProvider time)
    {
        var (patient, plan) = (request.Patient, request.Plan);
        var fusedByRegions = patient.Ankylosis == AnkylosisStatus.Unknown && patient.AnkylosedRegions.Count > 0;
        var sessionIsToday = plan.SessionDate is null && patient.StatusConfirmedOn is not null;
        if (!fusedByRegions && !sessionIsToday)
        {
            return request;
        }

        return new AssessmentRequest(
            fusedByRegions ? patient with { Ankylosis = AnkylosisStatus.Present } : patient,
            sessionIsToday ? plan with { SessionDate = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) } : plan);
    }
}
