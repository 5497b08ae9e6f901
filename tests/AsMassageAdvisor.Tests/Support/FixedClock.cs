namespace AsMassageAdvisor.Tests.Support;

/// <summary>A clock stopped at one instant, so that "today" in a test is a known day.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public FixedClock(DateOnly today)
        : this(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
