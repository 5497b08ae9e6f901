using System.Data.Common;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Security;

/// <summary>
/// Whether a token's id (<c>jti</c>) is new. This process's memory is asked first (<see cref="TokenIdCache"/>):
/// it refuses a replay to this process at no cost and bounds what this process adds; the database then decides
/// for every process on it (<see cref="ITokenIdStore"/>), in one atomic statement, so that a token taken by one
/// replica is refused by the others. A database that does not answer refuses the token: it is never taken
/// unchecked. In the background, the ids of expired tokens are deleted from the database, a bounded batch at a
/// time, once at start and then every <see cref="SweepInterval"/>.
/// </summary>
internal sealed class UsedTokenIds(
    TokenIdCache memory,
    ITokenIdStore store,
    IOptions<CdsHooksOptions> options,
    TimeProvider time,
    ILogger<UsedTokenIds> logger) : BackgroundService
{
    /// <summary>How often the ids of expired tokens are deleted from the database.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>The most rows one delete statement removes.</summary>
    public const int SweepBatch = 1000;

    // How long the database may take to take an id before the token is refused (the readiness probe allows 3 s).
    private static readonly TimeSpan CheckLimit = TimeSpan.FromSeconds(5);

    // The most batches of one sweep; what is left waits for the next.
    private const int MaxBatchesPerSweep = 100;

    /// <summary>Takes a token id: new to this process and to the database, or refused.</summary>
    /// <param name="issuer">The token's issuer (ids are unique per issuer).</param>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    /// <param name="expires">When the token stops being valid, skew included.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns><see cref="TokenIdUse.New"/> only when the call may go on.</returns>
    public async Task<TokenIdUse> TryUseAsync(string issuer, string tokenId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var inMemory = memory.TryUse(issuer, tokenId, expires);
        if (inMemory != TokenIdUse.New)
        {
            return inMemory;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CheckLimit);
        try
        {
            return await store.TryUseTokenIdAsync(issuer, tokenId, expires, limit.Token) ? TokenIdUse.New : TokenIdUse.UsedBefore;
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            // Whether another process took it is not known, so the token is refused; this process has not used
            // it, so it is forgotten here and the database decides when it answers again.
            memory.Forget(issuer, tokenId);
            logger.TokenIdUnchecked(ex.GetType().Name);
            logger.TokenIdUncheckedDetail(ex);
            return TokenIdUse.Unchecked;
        }
    }

    /// <summary>Deletes the ids of expired tokens from the database, at most a bounded number of batches.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The number of rows deleted.</returns>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // A row holds its token's expiry with the skew; it is kept one skew longer still, so that a replica whose
        // clock is behind this one's by up to the skew still finds the id while it would take the token.
        var before = time.GetUtcNow() - options.Value.TokenClockSkew;
        var deleted = 0;
        for (var batch = 0; batch < MaxBatchesPerSweep; batch++)
        {
            var rows = await store.DeleteExpiredTokenIdsAsync(before, SweepBatch, cancellationToken);
            deleted += rows;
            if (rows < SweepBatch)
            {
                break;
            }
        }

        return deleted;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval, time);
        do
        {
            try
            {
                if (await SweepAsync(stoppingToken) is var deleted and > 0)
                {
                    logger.ExpiredTokenIdsDeleted(deleted);
                }
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                // Left for the next sweep: an expired token is refused by its expiry whether or not its id is kept.
                logger.ExpiredTokenIdsNotDeleted(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
