namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>A CDS Hooks response: the cards for one hook call.</summary>
public sealed record CdsResponse
{
    /// <summary>The cards, most severe first.</summary>
    public required IReadOnlyList<CdsCard> Cards { get; init; }
}
