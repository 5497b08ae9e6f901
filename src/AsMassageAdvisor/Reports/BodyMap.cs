using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using static AsMassageAdvisor.Reports.SheetHtml;

namespace AsMassageAdvisor.Reports;

/// <summary>
/// The session sheet's body map: the front and back of a body drawn in SVG, each planned region coloured by the most
/// severe advisory on its items, with the same in words beside it.
/// </summary>
internal static class BodyMap
{
    /// <summary>The regions in the order the map's labels and the page list them.</summary>
    private static readonly BodyRegion[] RegionOrder = Enum.GetValues<BodyRegion>();

    public static void Append(StringBuilder html, IReadOnlyDictionary<BodyRegion, Severity?> regionSeverity)
    {
        Line(html, "<section class=\"map\" aria-labelledby=\"map-heading\">");
        Line(html, "<h2 id=\"map-heading\">Body map</h2>");
        Line(html, "<div class=\"map-row\">");
        Line(html, "<svg class=\"body-map\" viewBox=\"0 0 440 440\" width=\"300\" height=\"300\" role=\"img\" aria-labelledby=\"map-title map-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        Line(html, "<title id=\"map-title\">Body map, front and back</title>");
        Line(html, "<desc id=\"map-desc\">Each region of the plan is coloured by the most severe advisory on its items; the list beside the map gives the same in words.</desc>");
        AppendView(html, "front", "Front", 0, FrontShapes, regionSeverity);
        AppendView(html, "back", "Back", 230, BackShapes, regionSeverity);
        Line(html, "</svg>");

        Line(html, "<div class=\"map-text\">");
        Line(html, "<h3>Regions in the plan</h3>");
        var planned = RegionOrder.Where(regionSeverity.ContainsKey).ToList();
        Line(html, "<ul class=\"region-list\">");
        foreach (var region in planned)
        {
            var severity = regionSeverity[region];
            Line(html, $"<li data-region=\"{JsonNames.Of(region)}\" data-severity=\"{SeverityName(severity)}\">{Swatch(severity, planned: true)}{Encode(RegionLabel(region))}: {Encode(SeverityWords(severity))}</li>");
        }

        Line(html, "</ul>");
        Line(html, "<h3>Colours</h3>");
        Line(html, "<ul class=\"legend\">");
        Line(html, $"<li>{Swatch(null)}not in the plan</li>");
        Line(html, $"<li>{Swatch(null, planned: true)}in the plan, no advisory</li>");
        foreach (var severity in Enum.GetValues<Severity>())
        {
            Line(html, $"<li>{Swatch(severity)}{Encode(PlainWords.Of(severity))}</li>");
        }

        Line(html, "</ul>");
        Line(html, "</div>");
        Line(html, "</div>");
        Line(html, "</section>");
    }

    private static void AppendView(
        StringBuilder html,
        string id,
        string label,
        int offset,
        IReadOnlyList<(BodyRegion Region, string Path)> shapes,
        IReadOnlyDictionary<BodyRegion, Severity?> regionSeverity)
    {
        Line(html, Invariant($"<g class=\"view\" data-view=\"{id}\" transform=\"translate({offset},0)\">"));
        Line(html, $"<text class=\"view-label\" x=\"105\" y=\"432\" text-anchor=\"middle\">{label}</text>");
        foreach (var (region, path) in shapes)
        {
            var planned = regionSeverity.TryGetValue(region, out var severity);
            var name = JsonNames.Of(region);
            var css = "region sev-" + SeverityName(severity) + (planned ? " planned" : "");
            var title = RegionLabel(region) + ": " + (planned ? SeverityWords(severity) : "not in the plan");
            Line(html, $"<path class=\"{css}\" data-region=\"{name}\" data-severity=\"{SeverityName(severity)}\" data-planned=\"{(planned ? "true" : "false")}\" d=\"{path}\"><title>{Encode(title)}</title></path>");
        }

        Line(html, "</g>");
    }

    // Front view, in a 210 by 440 box: one path per region (a pair of limbs is one path of two parts). The hands
    // hang below the arms beside the thighs and the feet stand below the legs, each 2 units apart from its limb, so
    // that no two shapes overlap and the view's label below the feet stays clear.
    private static readonly (BodyRegion Region, string Path)[] FrontShapes =
    [
        (BodyRegion.Head, "M79 42 a26 32 0 1 0 52 0 a26 32 0 1 0 -52 0 Z"),
        (BodyRegion.Cervical, "M93 74 h24 v20 h-24 Z"),
        (BodyRegion.Shoulders, "M46 104 q0 -10 12 -10 h20 v28 h-32 Z M164 104 q0 -10 -12 -10 h-20 v28 h32 Z"),
        (BodyRegion.Chest, "M78 94 h54 v60 h-54 Z"),
        (BodyRegion.Abdomen, "M80 154 h50 v52 h-50 Z"),
        (BodyRegion.Hips, "M74 206 h30 v30 h-32 Z M106 206 h30 l2 30 h-32 Z"),
        (BodyRegion.Arms, "M46 124 h22 l-4 140 h-18 Z M142 124 h22 v140 h-18 Z"),
        (BodyRegion.Legs, "M72 238 h32 l-4 148 h-24 Z M106 238 h32 l-4 148 h-24 Z"),
        (BodyRegion.Hands, "M46 266 h18 l2 22 q-11 12 -22 0 Z M146 266 h18 l2 22 q-11 12 -22 0 Z"),
        (BodyRegion.Feet, "M76 388 h24 v18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z M110 388 h24 l10 18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z"),
    ];

    // Back view: the spine in its four parts, with the hips beside the sacroiliac joints.
    private static readonly (BodyRegion Region, string Path)[] BackShapes =
    [
        (BodyRegion.Head, "M79 42 a26 32 0 1 0 52 0 a26 32 0 1 0 -52 0 Z"),
        (BodyRegion.Cervical, "M93 74 h24 v20 h-24 Z"),
        (BodyRegion.Shoulders, "M46 104 q0 -10 12 -10 h20 v28 h-32 Z M164 104 q0 -10 -12 -10 h-20 v28 h32 Z"),
        (BodyRegion.Thoracic, "M78 94 h54 v74 h-54 Z"),
        (BodyRegion.Lumbar, "M80 168 h50 v38 h-50 Z"),
        (BodyRegion.Sacroiliac, "M90 206 h30 l-15 30 Z"),
        (BodyRegion.Hips, "M74 206 h16 l15 30 h-33 Z M136 206 h-16 l-15 30 h33 Z"),
        (BodyRegion.Arms, "M46 124 h22 l-4 140 h-18 Z M142 124 h22 v140 h-18 Z"),
        (BodyRegion.Legs, "M72 238 h32 l-4 148 h-24 Z M106 238 h32 l-4 148 h-24 Z"),
        (BodyRegion.Hands, "M46 266 h18 l2 22 q-11 12 -22 0 Z M146 266 h18 l2 22 q-11 12 -22 0 Z"),
        (BodyRegion.Feet, "M76 388 h24 v18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z M110 388 h24 l10 18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z"),
    ];
}
