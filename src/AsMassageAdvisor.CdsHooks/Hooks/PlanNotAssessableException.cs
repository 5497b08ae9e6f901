using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// The orders and the patient's data, as mapped, are not a request the advisor can assess (for example a
/// pain score out of range). Answered with 400 and the advisor's own list of problems.
/// </summary>
internal sealed class PlanNotAssessableException(InvalidRequestException inner)
    : Exception("The draft orders and the patient's data do not make an assessable request.", inner)
{
    /// <summary>The advisor's problems, at the paths of its request model.</summary>
    public IReadOnlyList<InputError> Errors { get; } = inner.Errors;
}
