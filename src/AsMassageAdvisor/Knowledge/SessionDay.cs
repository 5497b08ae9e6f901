namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// A derived fact, inserted by the knowledge base's inference rules once per assessment: the day of the session and
/// how old the patient's status is on it. Rule conditions read it as <c>day</c>; <c>plan.SessionDate</c> in a condition
/// reads <see cref="SessionDate"/>.
/// </summary>
public sealed class SessionDay
{
    internal SessionDay(DateOnly? sessionDate, DateOnly? statusConfirmedOn, string because)
    {
        SessionDate = sessionDate;
        StatusAgeInDays = sessionDate is { } session && statusConfirmedOn is { } confirmed ? session.DayNumber - confirmed.DayNumber : null;
        StatusIsStale = StatusAgeInDays > StaleAfterDays;
        Because = because;
    }

    /// <summary>
    /// The session's day: as planned, or today (by the advisor's clock) when the plan gives none and the status has a
    /// confirmation date; null when neither date is given.
    /// </summary>
    public DateOnly? SessionDate { get; }

    /// <summary>How many days before the session the status was confirmed; null when a date is missing (read as "confirmed now").</summary>
    public int? StatusAgeInDays { get; }

    /// <summary>
    /// The status was confirmed more than <see cref="StaleAfterDays"/> days before the session, so the facts that come and
    /// go (a flare-up, new neurological symptoms) are to be checked again on the day.
    /// </summary>
    [Term("stale status", Meaning = "the patient's status was confirmed more than 7 days before the session (an absent confirmation date is a current status; an absent session date is today)", Order = 12)]
    public bool StatusIsStale { get; }

    /// <summary>How many days a confirmed status stays current.</summary>
    private const int StaleAfterDays = 7;

    /// <summary>Why the session is taken to fall on that day, in words (shown by explanations).</summary>
    public string Because { get; }
}
