namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// A term the rules use, written on a member that computes it; the one place the term's meaning is written (on one of
/// its members, the others only naming the term). <see cref="Terms.Definitions"/> collects them for the rule catalogue.
/// </summary>
/// <param name="term">The term, as the catalogue names it, e.g. "back or neck".</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
internal sealed class TermAttribute(string term) : Attribute
{
    /// <summary>The term.</summary>
    public string Term { get; } = term;

    /// <summary>What it means, in words, e.g. "cervical, thoracic and lumbar regions"; written on one member of the term.</summary>
    public string? Meaning { get; init; }

    /// <summary>Where the catalogue lists the term (from 0); written with the meaning.</summary>
    public int Order { get; init; }
}
