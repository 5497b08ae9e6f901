using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Reading;

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
        return AssessmentJson.Write(w =>
        {
            w.WriteStartObject();
            AssessmentJson.WriteIdentity(w, knowledgeBase.Identity);
            w.WriteStartArray("rules");
            foreach (var r in knowledgeBase.Rules)
            {
                w.WriteStartObject();
                w.WriteString("code", r.Code);
                w.WriteString("title", r.Title);
                w.WriteString("severity", JsonNames.Of(r.Severity));
                w.WriteString("basis", JsonNames.Of(r.Basis));
                w.WriteString("scope", JsonNames.Of(r.Scope));
                w.WriteString("when", r.When);
                w.WriteString("message", r.Message);
                AssessmentJson.WriteStrings(w, "requirements", r.Requirements);
                w.WriteString("status", JsonNames.Of(r.Status));
                w.WriteString("version", r.Version);
                w.WriteString("lastReviewed", r.LastReviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                AssessmentJson.WriteStrings(w, "triggers", r.Triggers);
                if (r.SilentAbove is { } silentAbove)
                {
                    w.WriteString("silentAbove", JsonNames.Of(silentAbove));
                }

                if (r.Change is { } change)
                {
                    w.WriteStartObject("change");
                    w.WriteString("action", JsonNames.Of(change.Action));
                    if (change.Technique is { } technique)
                    {
                        w.WriteString("technique", JsonNames.Of(technique));
                    }

                    if (change.Pressure is { } pressure)
                    {
                        w.WriteString("pressure", JsonNames.Of(pressure));
                    }

                    w.WriteEndObject();
                }

                w.WriteString("expression", r.Expression);
                AssessmentJson.WriteCitations(w, knowledgeBase.CitationsOf(r));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("sources");
            foreach (var s in knowledgeBase.Sources)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("label", s.Label);
                w.WriteString("doi", s.Doi);
                w.WriteString("kind", s.Kind);
                AssessmentJson.WriteStrings(w, "sections", s.Sections);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
