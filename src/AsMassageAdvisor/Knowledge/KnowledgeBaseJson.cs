using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Knowledge;

/// <summary>Writes a knowledge base's rule catalogue as the contract's JSON (<c>rules --format json</c>).</summary>
public static class KnowledgeBaseJson
{
    /// <summary>Writes every rule of the knowledge base, ordered by code, with its metadata.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <returns>Indented JSON, ending with a line feed.</returns>
    public static string Serialize(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var rules = knowledgeBase.Rules.Select(r => new CatalogueRule(
            r.Code, r.Title, r.Severity, r.Basis, r.Scope, r.When, r.Message, r.Requirements, r.Status, r.Version, r.LastReviewed,
            r.Triggers, r.SilentAbove, r.Change, r.Expression, knowledgeBase.CitationsOf(r))).ToArray();
        return ContractJson.Write(new RuleCatalogue(knowledgeBase.Identity, rules, knowledgeBase.Sources), CatalogueJsonContext.Default);
    }
}
