using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// Writes an assessment as the contract's JSON. The output depends on the assessment alone: same
/// assessment, same bytes (fixed field order, fixed formatting, "\n" line ends).
/// </summary>
public static class AssessmentJson
{
    /// <summary>Writes an assessment as indented JSON, ending with a line feed.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Write(w =>
        {
            w.WriteStartObject();
            WriteAssessment(w, assessment);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes an explanation: the assessment's fields as <see cref="Serialize(Assessment)"/> writes them,
    /// followed by <c>explanation</c>, one entry per active rule.
    /// </summary>
    /// <param name="explanation">The explanation.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return Write(w =>
        {
            w.WriteStartObject();
            WriteAssessment(w, explanation.Assessment);
            w.WriteStartArray("explanation");
            foreach (var r in explanation.Rules)
            {
                w.WriteStartObject();
                w.WriteString("code", r.Code);
                w.WriteString("title", r.Title);
                w.WriteString("verdict", JsonNames.Of(r.Verdict));
                WriteNumbers(w, "items", r.Items);
                w.WriteString("reason", r.Reason);
                WriteStrings(w, "facts", r.Facts);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteAssessment(Utf8JsonWriter w, Assessment assessment)
    {
        w.WriteString("decision", JsonNames.Of(assessment.Decision));
        w.WriteStartArray("advisories");
        foreach (var a in assessment.Advisories)
        {
            w.WriteStartObject();
            w.WriteString("code", a.Code);
            WriteStrings(w, "requirements", a.Requirements);
            w.WriteString("severity", JsonNames.Of(a.Severity));
            w.WriteString("title", a.Title);
            w.WriteString("message", a.Message);
            w.WriteString("basis", JsonNames.Of(a.Basis));
            w.WriteBoolean("indeterminate", a.Indeterminate);
            WriteNumbers(w, "items", a.Items);
            WriteStrings(w, "triggers", a.Triggers);
            WriteCitations(w, a.Citations);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, "unknownFacts", assessment.UnknownFacts);
        WriteSaferPlan(w, assessment.SaferPlan);
        WriteIdentity(w, assessment.KnowledgeBase);
    }

    private static void WriteSaferPlan(Utf8JsonWriter w, SaferPlan? plan)
    {
        if (plan is null)
        {
            w.WriteNull("saferPlan");
            return;
        }

        w.WriteStartObject("saferPlan");
        w.WriteStartArray("items");
        foreach (var item in plan.Items)
        {
            WriteItem(w, null, item);
        }

        w.WriteEndArray();
        w.WriteStartArray("changes");
        foreach (var c in plan.Changes)
        {
            w.WriteStartObject();
            w.WriteNumber("item", c.Item);
            w.WriteString("action", JsonNames.Of(c.Action));
            WriteItem(w, "from", c.From);
            if (c.To is { } to)
            {
                WriteItem(w, "to", to);
            }
            else
            {
                w.WriteNull("to");
            }

            WriteStrings(w, "because", c.Because);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("decision", JsonNames.Of(plan.Decision));
        WriteStrings(w, "openQuestions", plan.OpenQuestions);
        w.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter w, string? name, Model.PlanItem item)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteString("technique", JsonNames.Of(item.Technique));
        w.WriteString("region", JsonNames.Of(item.Region));
        w.WriteString("pressure", JsonNames.Of(item.Pressure));
        w.WriteEndObject();
    }

    internal static void WriteIdentity(Utf8JsonWriter w, KnowledgeBaseIdentity identity)
    {
        w.WriteStartObject("knowledgeBase");
        w.WriteString("version", identity.Version);
        w.WriteString("sha256", identity.Sha256);
        if (identity.ClinicRules is { } clinic)
        {
            w.WriteStartObject("clinicRules");
            w.WriteString("name", clinic.Name);
            w.WriteString("version", clinic.Version);
            w.WriteString("sha256", clinic.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    internal static void WriteCitations(Utf8JsonWriter w, IEnumerable<Citation> citations)
    {
        w.WriteStartArray("citations");
        foreach (var c in citations)
        {
            w.WriteStartObject();
            w.WriteString("source", c.Source);
            w.WriteString("section", c.Section);
            w.WriteString("label", c.Label);
            w.WriteString("doi", c.Doi);
            WriteEvidence(w, c.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteEvidence(Utf8JsonWriter w, Evidence evidence)
    {
        w.WriteStartObject("evidence");
        w.WriteString("scheme", evidence.Scheme);
        w.WriteString("level", evidence.Level);
        w.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    internal static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
