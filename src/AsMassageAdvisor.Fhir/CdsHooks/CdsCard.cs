namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>One CDS Hooks 2.0 card.</summary>
public sealed record CdsCard
{
    /// <summary>A stable identifier: the same advisory for the same orders gets the same one.</summary>
    public required string Uuid { get; init; }

    /// <summary>One line, under 140 characters.</summary>
    public required string Summary { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required string Indicator { get; init; }

    /// <summary>Markdown: what to do, the items, the triggering facts, the basis and the citations.</summary>
    public required string Detail { get; init; }

    /// <summary>Where the card comes from.</summary>
    public required CdsSource Source { get; init; }

    /// <summary>Suggested changes to the draft orders; empty when there are none.</summary>
    public required IReadOnlyList<CdsSuggestion> Suggestions { get; init; }

    /// <summary>Reasons the clinician may give for overriding the card; empty for information cards.</summary>
    public required IReadOnlyList<CdsCoding> OverrideReasons { get; init; }
}
