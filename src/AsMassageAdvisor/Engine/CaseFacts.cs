using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// The facts of one assessment gathered by an inference rule once they are all derived: the patient's status, the
/// plan and the derived facts about them. A rule about the patient or the plan matches this one fact, and an item's
/// <see cref="ItemWork"/> points to it, so that every advisory rule is a single pattern whose conditions the network
/// checks one after the other and shares between rules.
/// </summary>
internal sealed class CaseFacts(PatientStatus patient, SessionPlan plan, SpineStatus spine, SessionDay day, PlanWork planWork)
{
    public PatientStatus Patient { get; } = patient;

    public SessionPlan Plan { get; } = plan;

    public SpineStatus Spine { get; } = spine;

    public SessionDay Day { get; } = day;

    public PlanWork PlanWork { get; } = planWork;
}
