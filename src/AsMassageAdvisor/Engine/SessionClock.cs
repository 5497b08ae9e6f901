namespace AsMassageAdvisor.Engine;

/// <summary>The advisor's clock as a fact of the engine: the inference rule of the session day reads it only when the plan has no date.</summary>
internal sealed class SessionClock(TimeProvider time)
{
    public DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
