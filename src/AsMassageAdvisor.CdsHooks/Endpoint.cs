namespace AsMassageAdvisor.CdsHooks;

/// <summary>The kinds of call the service answers; each says in its own words what a failure left undone.</summary>
internal enum Endpoint
{
    /// <summary>A hook call: a failure leaves the draft orders unchecked.</summary>
    Hook,

    /// <summary>Feedback on a card: a failure may leave it unstored.</summary>
    Feedback,

    /// <summary>The override-rate report: a failure gives no report, and changes nothing.</summary>
    Report,
}
