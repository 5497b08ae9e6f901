using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Security;

/// <summary>
/// The token ids (<c>jti</c>) seen while their tokens are valid, so that a token is used once. Bounded:
/// when full of unexpired ids, new tokens are refused rather than old ids forgotten.
/// </summary>
internal sealed class TokenIdCache(IOptions<CdsHooksOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Lock sweep = new();

    /// <summary>Records a token id; false when it was seen before or no more ids can be remembered.</summary>
    /// <param name="issuer">The token's issuer (ids are unique per issuer).</param>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    /// <param name="expires">When the token stops being valid, skew included.</param>
    /// <returns>Whether the token is new.</returns>
    public bool TryUse(string issuer, string tokenId, DateTimeOffset expires)
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
                return false;
            }
        }

        return seen.TryAdd(issuer + "\n" + tokenId, expires);
    }
}
