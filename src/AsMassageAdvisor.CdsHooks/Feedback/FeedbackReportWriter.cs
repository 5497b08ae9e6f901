using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>Writes the override-rate report as a text table, as JSON, or as an SVG bar chart of the rates.</summary>
public static class FeedbackReportWriter
{
    /// <summary>The formats, by name.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["json", "text", "svg"];

    /// <summary>The media type of a format.</summary>
    /// <param name="format">A name of <see cref="Formats"/>.</param>
    /// <returns>The media type.</returns>
    public static string MediaType(string format) => format switch
    {
        "text" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        _ => "application/json",
    };

    /// <summary>Writes the report in a format.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">A name of <see cref="Formats"/>.</param>
    /// <returns>The text.</returns>
    public static string Write(FeedbackReport report, string format) => format switch
    {
        "text" => Text(report),
        "svg" => Svg(report),
        _ => Json(report),
    };

    /// <summary>The report as JSON, camelCase, the rate a fraction (0 to 1).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    public static string Json(FeedbackReport report) =>
        JsonSerializer.Serialize(report, FeedbackReportJsonContext.Default.FeedbackReport);

    /// <summary>The report as a table, one line per rule, the reasons after it.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string Text(FeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Override rate per rule, cards shown from {Day(report.From)} to {Day(report.To)} (UTC, end excluded)\n");
        text.Append(CultureInfo.InvariantCulture, $"Counted: {report.OutcomesCounted}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{"rule",-10} {"shown",7} {"accepted",9} {"overridden",11} {"override rate",14}  reasons\n");
        foreach (var rule in report.Rules)
        {
            var reasons = string.Join(", ", rule.Reasons.Select(r => $"{r.Code} ×{r.Count.ToString(CultureInfo.InvariantCulture)}"));
            text.Append(CultureInfo.InvariantCulture, $"{rule.RuleCode,-10} {rule.Shown,7} {rule.Accepted,9} {rule.Overridden,11} {rule.OverrideRate,14:P1}  {reasons}\n");
            if (RuleTitle(rule.RuleCode) is { Length: > 0 } title)
            {
                text.Append(CultureInfo.InvariantCulture, $"{"",-10} {title}\n");
            }

        }

        if (report.Rules.Count == 0)
        {
            text.Append("(no cards shown in this range)\n");
        }

        return text.ToString();
    }

    /// <summary>The override rates as horizontal bars, one per rule; plain SVG with no script or outside reference.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The SVG document.</returns>
    public static string Svg(FeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        const int Left = 110, BarWidth = 400, Row = 28, Top = 40, TitleWidth = 420;
        var height = Top + (Math.Max(report.Rules.Count, 1) * Row) + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Left + BarWidth + 180 + TitleWidth}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\" role=\"img\" aria-labelledby=\"title\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"title\">Override rate per rule, {Day(report.From)} to {Day(report.To)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<desc>Counted: {report.OutcomesCounted}</desc>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"22\" font-weight=\"bold\">Override rate per rule, {Day(report.From)} to {Day(report.To)}</text>\n");
        for (var i = 0; i < report.Rules.Count; i++)
        {
            var rule = report.Rules[i];
            var y = Top + (i * Row);
            var width = (int)Math.Round(rule.OverrideRate * BarWidth);
            var label = WebUtility.HtmlEncode(rule.RuleCode);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + 15}\">{label}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{BarWidth}\" height=\"20\" fill=\"#eeeeee\"/>\n");
            var title = WebUtility.HtmlEncode(RuleTitle(rule.RuleCode));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{width}\" height=\"20\" fill=\"#b3261e\"><title>{label} {title}: {rule.Overridden} of {rule.Shown} overridden</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + BarWidth + 8}\" y=\"{y + 15}\">{rule.OverrideRate:P1} ({rule.Overridden}/{rule.Shown})</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + BarWidth + 180}\" y=\"{y + 15}\">{title}</text>\n");
        }

        if (report.Rules.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{Top + 15}\">No cards shown in this range</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    // The chart names each rule by its title as well as its code; a code the built-in rules do not hold (a clinic's
    // rule, or one since retired) is shown by code alone.
    private static string RuleTitle(string code) =>
        Knowledge.KnowledgeBase.BuiltIn.Rules.FirstOrDefault(r => r.Code == code)?.Title ?? "";

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The report's JSON, written without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FeedbackReport))]
internal sealed partial class FeedbackReportJsonContext : JsonSerializerContext;
