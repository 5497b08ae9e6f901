namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Data the check needs could be had neither from the prefetch nor from the client's FHIR server. The
/// service answers 412 Precondition Failed with <see cref="Exception.Message"/>: never a card list, which
/// would read as "no hazard found".
/// </summary>
internal sealed class RequiredDataUnavailableException(string message, IReadOnlyList<string> keys, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The prefetch keys whose data is missing.</summary>
    public IReadOnlyList<string> Keys { get; } = keys;
}
