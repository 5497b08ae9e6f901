using System.Collections.Concurrent;
using AsMassageAdvisor.Fhir.CdsHooks;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// The cards this service has issued, remembered so that feedback is only taken about them: their
/// suggestions and the override reasons they offered, not their text, so that a full store stays small
/// (about 200 bytes a card). Bounded: the oldest cards are forgotten first. The database holds every card
/// issued; this is the fast path in front of it.
/// </summary>
internal sealed class IssuedCards(IOptions<CdsHooksOptions> options)
{
    private readonly ConcurrentDictionary<string, IssuedCard> cards = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>Remembers the cards of one answer.</summary>
    /// <param name="issued">The cards sent.</param>
    public void Remember(IEnumerable<CdsCard> issued)
    {
        foreach (var card in issued)
        {
            var kept = new IssuedCard(card.Suggestions.Select(s => s.Uuid).ToArray(), card.OverrideReasons);
            if (cards.TryAdd(card.Uuid, kept))
            {
                order.Enqueue(card.Uuid);
            }
        }

        while (cards.Count > options.Value.MaxIssuedCards && order.TryDequeue(out var oldest))
        {
            cards.TryRemove(oldest, out _);
        }
    }

    /// <summary>Remembers a card another process (or this one before a restart) issued, read from the database.</summary>
    /// <param name="uuid">The card's uuid.</param>
    /// <param name="card">What feedback about it is checked against.</param>
    public void Remember(string uuid, IssuedCard card)
    {
        if (cards.TryAdd(uuid, card))
        {
            order.Enqueue(uuid);
        }
    }

    /// <summary>The card issued with this uuid, if it is still remembered.</summary>
    /// <param name="uuid">The card's uuid.</param>
    /// <returns>The card, or null.</returns>
    public IssuedCard? Find(string uuid) => cards.TryGetValue(uuid, out var card) ? card : null;
}
