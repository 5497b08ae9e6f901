using AsMassageAdvisor.Fhir.CdsHooks;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// The one place feedback and issued cards are kept. Every write is committed before it returns, so that a
/// call answered 200 is on disk (or on the database server) even if the process is killed right after.
/// Nothing of the patient is given to it: card and suggestion ids, rule codes, indicators, outcomes, the
/// offered reason codes and times.
/// </summary>
internal interface IFeedbackStore
{
    /// <summary>Creates the tables, or brings an older schema up to date.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Records the cards of one answer as shown.</summary>
    /// <param name="serviceId">The service that issued them.</param>
    /// <param name="cards">The cards sent.</param>
    /// <param name="issuedAt">When they were sent.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    Task RecordIssuedAsync(string serviceId, IReadOnlyList<CdsCard> cards, DateTimeOffset issuedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The cards with these uuids issued by any process on this database: what feedback about them is checked
    /// against (their suggestions and offered reasons), for cards this process does not remember.
    /// </summary>
    /// <param name="uuids">The card uuids.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The cards found, by uuid.</returns>
    Task<IReadOnlyDictionary<string, IssuedCard>> FindIssuedAsync(IReadOnlyCollection<string> uuids, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the entries of one feedback call, all or none, committed before it returns. One outcome is kept per
    /// card and client: an entry replaces the one kept unless the kept one is later (by its outcome time).
    /// </summary>
    /// <param name="serviceId">The service the feedback was sent to.</param>
    /// <param name="clientKey">Who sent it, as <see cref="FeedbackClient.Key"/> gives it (no name is stored).</param>
    /// <param name="entries">The checked entries.</param>
    /// <param name="receivedAt">When the call came.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    Task AppendAsync(string serviceId, string clientKey, IReadOnlyList<FeedbackEntry> entries, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Counts, per rule code, the cards issued in [from, to) and the feedback about them.</summary>
    /// <param name="from">The start of the range, included.</param>
    /// <param name="to">The end of the range, excluded.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    Task<FeedbackReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Whether the database answers a trivial query (the readiness check).</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    Task PingAsync(CancellationToken cancellationToken);
}
