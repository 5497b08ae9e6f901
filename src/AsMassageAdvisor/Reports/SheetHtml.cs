using System.Globalization;
using System.Net;
using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Reports;

/// <summary>
/// The session sheet's pieces of HTML: text made safe for the page, severity badges and colour swatches, and the words
/// and class names of severities and regions.
/// </summary>
internal static class SheetHtml
{
    internal static string RegionLabel(BodyRegion region) => PlainWords.Of(region);

    internal static string SeverityName(Severity? severity) => severity is { } s ? JsonNames.Of(s) : "none";

    internal static string SeverityWords(Severity? severity) => severity is { } s ? PlainWords.Of(s) : "no advisory";

    internal static string Badge(Severity? severity) =>
        $"<span class=\"badge sev-{SeverityName(severity)}\">{SeverityWords(severity)}</span>";

    // A planned region without an advisory has a colour of its own, so that it stands apart from the regions not planned.
    internal static string Swatch(Severity? severity, bool planned = false) =>
        $"<span class=\"swatch sev-{SeverityName(severity)}{(planned && severity is null ? " planned" : "")}\" aria-hidden=\"true\"></span>";

    // A DOI keeps its slashes in the link; everything else that is not plain is percent-encoded.
    internal static string DoiPath(string doi) => string.Join("/", doi.Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// Text for the page: control characters and bidirectional overrides are shown as <c>\uXXXX</c>
    /// (they could hide or reorder what the therapist reads), then the text is HTML-encoded.
    /// </summary>
    internal static string Encode(string text)
    {
        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F')
            {
                visible.Append(Invariant($"\\u{(int)c:x4}"));
            }
            else
            {
                visible.Append(c);
            }
        }

        return WebUtility.HtmlEncode(visible.ToString());
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static void Line(StringBuilder html, string text) => html.Append(text).Append('\n');
}
