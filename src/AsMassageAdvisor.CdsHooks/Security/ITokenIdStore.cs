namespace AsMassageAdvisor.CdsHooks.Security;

/// <summary>
/// The token ids (<c>jti</c>) used on the service's database, shared by every process on it, so that a token
/// taken by one replica is refused by all of them. Kept in the same database as feedback and the cards shown
/// (table <c>used_token_ids</c>, keyed by issuer and id, with the time the row may go).
/// </summary>
internal interface ITokenIdStore
{
    /// <summary>
    /// Takes a token id in one atomic statement: of any number of processes taking the same id at once,
    /// exactly one is told it was new.
    /// </summary>
    /// <param name="issuer">The token's issuer (ids are unique per issuer).</param>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    /// <param name="expires">When the token stops being valid, skew included.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the id was new (false: some process on the database took it before).</returns>
    Task<bool> TryUseTokenIdAsync(string issuer, string tokenId, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> ids whose tokens expired before <paramref name="before"/>.</summary>
    /// <param name="before">Rows that expire before this are deleted.</param>
    /// <param name="limit">The most rows one call deletes, so that it holds the database briefly.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The number of rows deleted.</returns>
    Task<int> DeleteExpiredTokenIdsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
