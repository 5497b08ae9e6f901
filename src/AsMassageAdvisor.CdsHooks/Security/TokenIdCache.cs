using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Security;

/// <summary>
/// The token ids (<c>jti</c>) this process has taken while their tokens are valid: the fast first check in
/// front of the database (<see cref="UsedTokenIds"/>), which refuses a replay to this process without a round
/// trip. Bounded: when full of unexpired ids, new tokens are refused rather than old ids forgotten, which also
/// bounds how many ids this process adds to the database within a token's life.
/// </summary>
internal sealed class TokenIdCache(IOptions<CdsHooksOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Lock sweep = new();

    /// <summary>Records a token id, unless this process saw it before or can remember no more ids.</summary>
    /// <param name="issuer">The token's issuer (ids are unique per issuer).</param>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    /// <param name="expires">When the token stops being valid, skew included.</param>
    /// <returns><see cref="TokenIdUse.New"/>, <see cref="TokenIdUse.UsedBefore"/> or <see cref="TokenIdUse.TooMany"/>.</returns>
    public TokenIdUse TryUse(string issuer, string tokenId, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        if (seen.Count >= options.Value.MaxRememberedTokenIds)
        {
            lock (sweep)
            {
                foreach (var (key, until) in seen)
                {
                    if (until < now)
                    {
                        seen.TryRemove(key, out _);
                    }
                }
            }

            if (seen.Count >= options.Value.MaxRememberedTokenIds)
            {
                return TokenIdUse.TooMany;
            }
        }

        return seen.TryAdd(Key(issuer, tokenId), expires) ? TokenIdUse.New : TokenIdUse.UsedBefore;
    }

    /// <summary>Forgets a token id recorded by <see cref="TryUse"/> whose use did not happen after all.</summary>
    /// <param name="issuer">The token's issuer.</param>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    public void Forget(string issuer, string tokenId) => seen.TryRemove(Key(issuer, tokenId), out _);

    private static string Key(string issuer, string tokenId) => issuer + "\n" + tokenId;
}

/// <summary>What became of a token id offered for use.</summary>
internal enum TokenIdUse
{
    /// <summary>Not used before: the call may go on.</summary>
    New,

    /// <summary>Used before, by this process or another on the database: a replay.</summary>
    UsedBefore,

    /// <summary>This process remembers as many unexpired ids as it may (<c>CdsHooks:MaxRememberedTokenIds</c>).</summary>
    TooMany,

    /// <summary>The database did not answer, so whether the id was used is not known: the token is refused.</summary>
    Unchecked,
}
