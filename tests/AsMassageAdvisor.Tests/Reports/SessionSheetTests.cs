using System.Text.RegularExpressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Reports;
using AsMassageAdvisor.Tests.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Reports;

/// <summary>The session sheet's HTML, checked as text: structure, severities, accessibility basics and encoding.</summary>
public sealed partial class SessionSheetTests
{
    public static TheoryData<string, string, string[], string> Examples => new()
    {
        // example, decision, region=severity of the body map's coloured regions, advisory codes
        { "gentle-plan", "proceed", ["thoracic=none", "shoulders=none", "lumbar=none"], "ASM-008 ASM-025 ASM-026" },
        { "manipulation-ankylosed-neck", "proceedWithModifications", ["cervical=contraindicated", "shoulders=none"], "ASM-001 ASM-008 ASM-022 ASM-026" },
        { "unknown-ankylosis", "proceedWithModifications", ["lumbar=warning", "legs=none"], "ASM-034 ASM-031 ASM-008 ASM-019 ASM-026" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_bundled_example_shows_its_decision_region_severities_and_advisories(string example, string decision, string[] regions, string codes)
    {
        var html = Render(example);

        html.Should().Contain($"data-decision=\"{decision}\"");
        var shapes = Shapes(html);
        var planned = regions.Select(r => r.Split('=')).ToDictionary(p => p[0], p => p[1]);
        foreach (var (region, severity) in shapes)
        {
            severity.Should().Be(planned.GetValueOrDefault(region, "none"), "the region {0} is coloured by the worst severity of its items", region);
        }

        foreach (var (region, severity) in planned)
        {
            html.Should().Contain($"<li data-region=\"{region}\" data-severity=\"{severity}\">", "each planned region is named in words too");
        }

        AdvisoryCodes(html).Should().Equal(codes.Split(' '));
    }

    [Fact]
    public void Every_region_of_the_model_has_a_shape_and_every_shape_names_its_region_and_severity()
    {
        var html = Render("manipulation-ankylosed-neck");

        var paths = PathTag().Matches(html).Select(m => m.Value).ToList();
        paths.Should().NotBeEmpty();
        paths.Should().AllSatisfy(p => p.Should().MatchRegex("data-region=\"[a-z]+\"").And.MatchRegex("data-severity=\"(none|info|caution|warning|contraindicated|stop)\""));
        Shapes(html).Select(s => s.Region).Distinct().Should().BeEquivalentTo(JsonNames.All<BodyRegion>());
        Shapes(html).Where(s => s.Region == "sacroiliac").Should().ContainSingle("the sacroiliac joints are drawn on the back view only");
        Regex.Matches(html, "<path [^>]*><title>[^<]+</title></path>").Should().HaveCount(paths.Count, "every shape has a title in words");
    }

    [Fact]
    public void Hands_and_feet_are_drawn_on_both_views_and_coloured_by_the_worst_advisory_on_their_items()
    {
        var html = SessionSheet.Render(HandsAndFeetSheet.Request, HandsAndFeetSheet.AssessmentWith(Severity.Warning));

        Shapes(html).Where(s => s.Region is "hands" or "feet").Should().Equal(("hands", "warning"), ("feet", "none"), ("hands", "warning"), ("feet", "none"));
        Regex.Matches(html, "<path class=\"region sev-[a-z]+ planned\" data-region=\"(hands|feet)\"").Should().HaveCount(4, "both are planned, on the front and on the back");
        html.Should().Contain("<title>hands: warning</title>").And.Contain("<title>feet: no advisory</title>");
        html.Should().Contain("<li data-region=\"hands\" data-severity=\"warning\">").And.Contain("<li data-region=\"feet\" data-severity=\"none\">");
    }

    [Fact]
    public void The_page_has_a_language_a_title_headings_in_order_and_table_headers()
    {
        var html = Render("unknown-ankylosis");

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">");
        html.Should().Contain("<title>Session sheet: Proceed with changes</title>");
        var levels = Regex.Matches(html, "<h([1-6])[ >]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        levels[0].Should().Be(1);
        levels.Count(l => l == 1).Should().Be(1);
        levels.Zip(levels.Skip(1)).Should().AllSatisfy(p => (p.Second - p.First).Should().BeLessThanOrEqualTo(1, "headings never skip a level"));
        Regex.Matches(html, "<th[ >]").Should().AllSatisfy(m => html.Substring(m.Index, 20).Should().Contain("scope="));
        html.Should().Contain("role=\"img\"").And.Contain("<title id=\"map-title\">");
    }

    [Fact]
    public void Text_on_every_severity_colour_and_decision_banner_has_a_contrast_of_at_least_4_5()
    {
        var html = Render("gentle-plan");

        // axe cannot always judge text over coloured boxes, so the palette is checked here by hand (WCAG 2 formula).
        var pairs = Regex.Matches(html, @"\.(sev-[a-z]+|decision-[a-zA-Z]+) \{[^}]*background: (#[0-9a-f]{6});[^}]*(?<![-a-z])color: (#[0-9a-f]{3}|#[0-9a-f]{6});")
            .Select(m => (Name: m.Groups[1].Value, Background: m.Groups[2].Value, Text: m.Groups[3].Value))
            .ToList();
        pairs.Select(p => p.Name).Should().Contain(["sev-none", "sev-info", "sev-caution", "sev-warning", "sev-contraindicated", "sev-stop", "decision-doNotProceed"]);
        foreach (var (name, background, text) in pairs)
        {
            Contrast(background, text).Should().BeGreaterThanOrEqualTo(4.5, "text on {0} must stay readable", name);
        }

        foreach (var light in Regex.Matches(html, @"\.decision-[a-zA-Z]+ \{ background: (#[0-9a-f]{6}); border").Select(m => m.Groups[1].Value))
        {
            Contrast(light, "#111111").Should().BeGreaterThanOrEqualTo(4.5, "the page's text colour on the banner {0}", light);
        }
    }

    [Fact]
    public void The_page_loads_nothing_and_runs_no_script()
    {
        var html = Render("manipulation-ankylosed-neck");

        html.Should().NotContainAny("<script", "<link", "<img", "@import", "url(", "<iframe");
        html.Should().Contain("Content-Security-Policy").And.Contain("default-src 'none'");
        Regex.Matches(html, "(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value)
            .Should().AllSatisfy(u => u.Should().StartWith("https://doi.org/"), "the only links are DOI links, which load nothing");
    }

    [Fact]
    public void The_page_names_the_knowledge_base_unknown_facts_and_says_it_is_decision_support_only()
    {
        var request = Request("unknown-ankylosis");
        var assessment = new Advisor().Assess(request);

        var html = SessionSheet.Render(request, assessment);

        html.Should().Contain(assessment.KnowledgeBase.Version).And.Contain(assessment.KnowledgeBase.Sha256);
        html.Should().Contain("<li>Is any part of the patient&#39;s spine fused (ankylosed), and which part?</li>").And.NotContain("$.patient");
        html.Should().Contain("Decision support only:");
        html.Should().Contain("For the whole session:").And.Contain("data-code=\"ASM-031\" data-severity=\"caution\"");
    }

    [Fact]
    public void The_same_request_and_assessment_give_the_same_bytes_with_unix_line_ends()
    {
        var request = Request("unknown-ankylosis");
        var assessment = new Advisor().Assess(request);

        var first = SessionSheet.Render(request, assessment);
        var second = SessionSheet.Render(request with { }, new Advisor().Assess(Request("unknown-ankylosis")));

        second.Should().Be(first);
        first.Should().NotContain("\r").And.EndWith("</html>\n");
    }

    [Fact]
    public void A_stop_for_the_whole_session_is_shown_in_the_decision_banner()
    {
        var request = Request("gentle-plan");
        var assessment = Hand(request, new Advisory
        {
            Code = "ASM-999",
            Requirements = ["K99"],
            Severity = Severity.Stop,
            Title = "Refer first",
            Message = "Do not massage.",
            Basis = Basis.Stated,
            Items = [],
            Triggers = ["neurological symptoms: new weakness"],
            Citations = [],
        }) with { Decision = Decision.DoNotProceed };

        var html = SessionSheet.Render(request, assessment);

        html.Should().Contain("data-decision=\"doNotProceed\"").And.Contain("Do not proceed");
        html.Should().Contain("<li data-code=\"ASM-999\" data-severity=\"stop\"><span class=\"badge sev-stop\">stop</span> ASM-999: Refer first</li>");
        html.Should().Contain("<strong>Stopped for the whole session:</strong>", "the plan table says so too");
    }

    [Fact]
    public void The_safer_plan_is_shown_under_what_must_change_between_the_plan_and_the_advisories()
    {
        var html = Render("manipulation-ankylosed-neck");

        html.Should().Contain("<h2 id=\"safer-heading\">What must change</h2>")
            .And.Contain("<tr data-item=\"1\" data-action=\"replace\"><th scope=\"row\">2</th><td>replace</td><td>moderate spinal manipulation of the neck</td><td>light effleurage of the neck</td><td>ASM-001</td></tr>")
            .And.Contain("never an order");
        html.IndexOf("plan-heading", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("safer-heading", StringComparison.Ordinal));
        html.IndexOf("safer-heading", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("advisories-heading", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_that_needs_no_change_has_no_what_must_change_section()
    {
        Render("gentle-plan").Should().NotContain("safer-heading");
    }

    [Fact]
    public void Hostile_titles_and_messages_from_a_clinic_rule_file_are_encoded()
    {
        const string script = "<script>alert('x')</script>";
        const string quotes = "\" onmouseover=\"alert(1)\" '";
        var longWord = new string('W', 2000);
        var file = ClinicRuleFiles.Alter(root =>
        {
            root["knowledgeBase"] = "Clinic " + script;
            var props = root["workflow"]!["Rules"]![1]!["Properties"]!;
            props["title"] = "Chest " + script;
            props["message"] = "Lighten it " + quotes + " " + longWord;
        });
        var request = new AssessmentRequest(Scenario.Safe.Request.Patient with { PainScore = 3 }, Scenario.Safe.Request.Plan with
        {
            Items = [new PlanItem(Technique.Petrissage, BodyRegion.Chest, Pressure.Moderate)],
        });
        var assessment = new Advisor(KnowledgeBase.BuiltIn.WithClinicRules(file)).Assess(request);
        assessment.Advisories.Should().Contain(a => a.Code == "CLN-002");

        var html = SessionSheet.Render(request, assessment);

        html.Should().NotContain("<script").And.NotContain(quotes).And.NotContain("alert('x')</");
        html.Should().Contain("Chest &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        html.Should().Contain("Clinic &lt;script&gt;");
        html.Should().Contain("Lighten it &quot; onmouseover=&quot;alert(1)&quot; &#39; " + longWord);
        html.Should().Contain("overflow-wrap: anywhere", "a very long word breaks instead of widening the page");
        Shapes(html).Should().Contain(("chest", "warning"));
    }

    [Fact]
    public void Control_characters_and_direction_overrides_are_made_visible_and_never_written()
    {
        var request = Request("gentle-plan");
        var assessment = Hand(request, new Advisory
        {
            Code = "CLN-\u001b[2J7",
            Requirements = ["C\u000001"],
            Severity = Severity.Warning,
            Title = "Bell\u0007 and \u202Ereversed",
            Message = "Line\r\nbreak and tab\t and <b>bold</b>",
            Basis = Basis.Interpreted,
            Items = [0],
            Triggers = ["\u0085next line"],
            Citations = [new Citation("C1", "Section \"A\"", "Label & co", "10.1000/x y<z>", new Evidence("SORT", "C"))],
        });

        var html = SessionSheet.Render(request, assessment);

        html.Where(c => char.IsControl(c) && c != '\n').Should().BeEmpty();
        html.Should().NotContain("\u202E").And.NotContain("<b>bold");
        html.Should().Contain("CLN-\\u001b[2J7").And.Contain("Bell\\u0007 and \\u202ereversed").And.Contain("Line\\u000d\\u000abreak");
        html.Should().Contain("<a href=\"https://doi.org/10.1000/x%20y%3Cz%3E\">doi:10.1000/x y&lt;z&gt;</a>");
        html.Should().Contain("Section &quot;A&quot;").And.Contain("Label &amp; co");
    }

    [Fact]
    public void The_command_line_writes_the_same_page_for_format_html()
    {
        var path = RepositoryFiles.Path("docs", "examples", "manipulation-ankylosed-neck.json");

        var (exit, stdout, stderr) = CliRunner.Run(["assess", path, "--format", "html"]);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().Be(Render("manipulation-ankylosed-neck"));
    }

    [Fact]
    public void The_command_line_accepts_html_with_explain_and_from_standard_input()
    {
        var json = File.ReadAllText(RepositoryFiles.Path("docs", "examples", "unknown-ankylosis.json"));

        var (exit, stdout, _) = CliRunner.Run(["assess", "-", "-f", "html", "--explain"], json);

        exit.Should().Be(0);
        stdout.Should().Be(Render("unknown-ankylosis"));
    }

    private static AssessmentRequest Request(string example) =>
        AssessmentRequestJson.Parse(File.ReadAllBytes(RepositoryFiles.Path("docs", "examples", example + ".json")));

    private static string Render(string example)
    {
        var request = Request(example);
        return SessionSheet.Render(request, new Advisor().Assess(request));
    }

    private static Assessment Hand(AssessmentRequest request, Advisory advisory) => new Advisor().Assess(request) with
    {
        Advisories = [advisory],
    };

    private static List<(string Region, string Severity)> Shapes(string html) =>
        PathTag().Matches(html)
            .Select(m => (Regex.Match(m.Value, "data-region=\"([^\"]*)\"").Groups[1].Value, Regex.Match(m.Value, "data-severity=\"([^\"]*)\"").Groups[1].Value))
            .ToList();

    private static List<string> AdvisoryCodes(string html) =>
        Regex.Matches(html, "<article class=\"advisory[^\"]*\" data-code=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        if (hex.Length == 4)
        {
            hex = string.Concat("#", hex[1], hex[1], hex[2], hex[2], hex[3], hex[3]);
        }

        double Channel(int start)
        {
            var c = Convert.ToInt32(hex.Substring(start, 2), 16) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("<path [^>]*>")]
    private static partial Regex PathTag();
}
