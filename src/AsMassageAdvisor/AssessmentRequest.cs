using AsMassageAdvisor.Model;

namespace AsMassageAdvisor;

/// <summary>One question to the advisor: this patient, this plan.</summary>
/// <param name="Patient">The patient's status.</param>
/// <param name="Plan">The proposed session.</param>
public sealed record AssessmentRequest(PatientStatus Patient, SessionPlan Plan);
