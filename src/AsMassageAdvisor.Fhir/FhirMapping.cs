using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Fhir;

/// <summary>What <see cref="FhirRequestMapper"/> read from FHIR resources, and what it could not read.</summary>
public sealed record FhirMapping
{
    /// <summary>
    /// The request to assess. Facts the resources did not give are unknown. When no draft order could be read,
    /// its plan has no items and it cannot be assessed: see <see cref="UnassessedOrders"/>.
    /// </summary>
    public required AssessmentRequest Request { get; init; }

    /// <summary>For each plan item, by index, the draft order it came from (e.g. <c>ServiceRequest/abc</c>); null when the order had no id.</summary>
    public required IReadOnlyList<string?> OrderReferences { get; init; }

    /// <summary>For each plan item, by index, the draft order resource it came from, so that a suggestion can revise it.</summary>
    internal IReadOnlyList<Hl7.Fhir.Model.ServiceRequest> Orders { get; init; } = [];

    /// <summary>Draft orders that could not be turned into plan items (no readable technique or region), each with why; they must be checked by hand.</summary>
    public required IReadOnlyList<string> UnassessedOrders { get; init; }

    /// <summary>Everything that could not be read and so stayed unknown, in words, naming the resource.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>True when at least one draft order was read, so that <see cref="Request"/> can be assessed.</summary>
    public bool CanBeAssessed => Request.Plan.Items.Count > 0;
}
