namespace AsMassageAdvisor.Testing;

/// <summary>A clock that always shows noon (UTC) of one day, so that a scenario's "today" is a known day.</summary>
internal sealed class FixedDay(DateOnly today) : TimeProvider
{
    private readonly DateTimeOffset _now = new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;
}
