using System.Text;
using System.Text.RegularExpressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Browser.Tests.Support;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Reports;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AsMassageAdvisor.Browser.Tests;

/// <summary>
/// The session sheet of each bundled example, opened in a real headless Chromium: what the page shows, its
/// accessibility under axe-core, its length on A4 paper, and the screenshots kept in docs/images.
/// </summary>
public sealed partial class SessionSheetBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, string[], string[]> Examples => new()
    {
        // example, decision, region=severity of the planned regions, advisory codes
        { "gentle-plan", "proceed", ["thoracic=none", "shoulders=none", "lumbar=none"], ["ASM-008", "ASM-025", "ASM-026"] },
        { "manipulation-ankylosed-neck", "proceedWithModifications", ["cervical=contraindicated", "shoulders=none"], ["ASM-001", "ASM-008", "ASM-022", "ASM-026"] },
        { "unknown-ankylosis", "proceedWithModifications", ["lumbar=warning", "legs=none"], ["ASM-034", "ASM-031", "ASM-008", "ASM-019", "ASM-026"] },
    };

    public static TheoryData<string> ExampleNames => new() { "gentle-plan", "manipulation-ankylosed-neck", "unknown-ankylosis" };

    [ChromiumTheory]
    [MemberData(nameof(Examples))]
    public async Task The_browser_shows_the_decision_the_coloured_regions_and_the_advisories(string example, string decision, string[] regions, string[] codes)
    {
        var page = await browser.OpenAsync(Render(example));

        (await page.GetAttributeAsync(".decision", "data-decision")).Should().Be(decision);
        (await page.TitleAsync()).Should().StartWith("Session sheet: ");
        var planned = regions.Select(r => r.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var shapes = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('svg.body-map [data-region]')].map(e => e.getAttribute('data-region') + '=' + e.getAttribute('data-severity'))");
        shapes.Should().HaveCount(21, "ten regions are drawn on the front and eleven on the back, a pair of limbs, hands or feet being one shape");
        foreach (var shape in shapes.Select(s => s.Split('=')))
        {
            shape[1].Should().Be(planned.GetValueOrDefault(shape[0], "none"), "the {0} region is coloured by the worst severity of its items", shape[0]);
        }

        var codesShown = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('article.advisory')].map(e => e.getAttribute('data-code'))");
        codesShown.Should().Equal(codes);
        var labels = await page.Locator(".region-list li").AllInnerTextsAsync();
        labels.Should().HaveCount(planned.Count, "every planned region is named in words beside the map");
        (await page.Locator("footer").InnerTextAsync()).Should().Contain("Decision support only");
    }

    [ChromiumFact]
    public async Task Colours_follow_the_severity_of_the_region()
    {
        var page = await browser.OpenAsync(Render("manipulation-ankylosed-neck"));

        var fills = await page.EvaluateAsync<string[]>(
            "() => ['cervical', 'shoulders', 'legs'].map(r => getComputedStyle(document.querySelector(`[data-view=front] [data-region=${r}]`)).fill)");

        fills[0].Should().Be("rgb(185, 28, 28)", "a contraindicated region is red");
        fills[1].Should().Be("rgb(167, 243, 208)", "a planned region without an advisory is pale green");
        fills[2].Should().Be("rgb(243, 244, 246)", "a region not in the plan is light grey");
    }

    [ChromiumFact]
    public async Task Hands_and_feet_are_coloured_on_both_views_like_any_other_region()
    {
        var page = await browser.OpenAsync(SessionSheet.Render(HandsAndFeetSheet.Request, HandsAndFeetSheet.AssessmentWith(Severity.Contraindicated)));

        var fills = await page.EvaluateAsync<string[]>(
            "() => ['front', 'back'].flatMap(v => ['hands', 'feet', 'legs'].map(r => getComputedStyle(document.querySelector(`[data-view=${v}] [data-region=${r}]`)).fill))");

        fills.Should().Equal(
            ["rgb(185, 28, 28)", "rgb(167, 243, 208)", "rgb(243, 244, 246)", "rgb(185, 28, 28)", "rgb(167, 243, 208)", "rgb(243, 244, 246)"],
            "the hands carry a contraindication, the feet are planned without an advisory and the legs are not planned, on both views");
    }

    [ChromiumFact]
    public async Task No_two_shapes_of_a_view_overlap_and_every_shape_stays_inside_its_view_above_the_label()
    {
        var page = await browser.OpenAsync(Render("gentle-plan"));

        // Every shape's box lies in the view's 210 by 440 box and above its label; a grid of points that never falls
        // on a shared edge finds any point inside two shapes of one view.
        var problems = await page.EvaluateAsync<string[]>(
            """
            () => {
              const found = [];
              for (const view of document.querySelectorAll('svg.body-map g.view')) {
                const shapes = [...view.querySelectorAll('path[data-region]')];
                const label = view.querySelector('text.view-label').getBBox();
                for (const shape of shapes) {
                  const box = shape.getBBox();
                  if (box.x < 0 || box.x + box.width > 210 || box.y < 0 || box.y + box.height > label.y) {
                    found.push(`${view.dataset.view} ${shape.dataset.region}: outside the view or over its label`);
                  }
                }
                for (let y = 0.5; y < 440; y += 2) {
                  for (let x = 0.5; x < 210; x += 2) {
                    const point = new DOMPoint(x, y);
                    const hit = shapes.filter(s => s.isPointInFill(point)).map(s => s.dataset.region);
                    if (hit.length > 1) {
                      found.push(`${view.dataset.view}: ${hit.join(' and ')} overlap`);
                    }
                  }
                }
              }
              return [...new Set(found)];
            }
            """);

        problems.Should().BeEmpty();
        (await page.Locator("svg.body-map [data-region=hands], svg.body-map [data-region=feet]").CountAsync()).Should().Be(4);
    }

    [ChromiumFact]
    public async Task The_decision_box_is_coloured_by_the_worst_advisory()
    {
        // Both plans need changes: one for a contraindication, the other for a warning.
        var contraindicated = await browser.OpenAsync(Render("manipulation-ankylosed-neck"));
        var warning = await browser.OpenAsync(Render("unknown-ankylosis"));

        var red = await contraindicated.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.decision')).backgroundColor");
        var orange = await warning.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.decision')).backgroundColor");

        red.Should().Be("rgb(254, 226, 226)");
        orange.Should().Be("rgb(255, 237, 213)");
    }

    [ChromiumTheory]
    [MemberData(nameof(ExampleNames))]
    public async Task Axe_finds_no_serious_or_critical_accessibility_violation(string example)
    {
        var page = await browser.OpenAsync(Render(example));

        var result = await page.RunAxe();
        foreach (var v in result.Violations)
        {
            output.WriteLine($"{example}: axe {v.Id} ({v.Impact}): {v.Help}");
        }

        output.WriteLine($"{example}: axe passed {result.Passes.Length} rules, {result.Violations.Length} violations, {result.Incomplete.Length} to review by hand ({string.Join(", ", result.Incomplete.Select(i => i.Id + ": " + i.Nodes.Length + " elements, e.g. " + i.Nodes[0].Html))})");

        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .Should().BeEmpty();
        result.Passes.Should().NotBeEmpty("axe really ran its rules on the page");
    }

    [ChromiumTheory]
    [MemberData(nameof(ExampleNames))]
    public async Task Each_example_prints_on_at_most_two_A4_pages(string example)
    {
        var page = await browser.OpenAsync(Render(example));

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });

        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        output.WriteLine($"{example}: {pages} A4 page(s), {pdf.Length} bytes of PDF");
        pages.Should().BeInRange(1, 2);
    }

    [ChromiumTheory]
    [MemberData(nameof(ExampleNames))]
    public async Task A_screenshot_of_each_example_is_kept_in_the_docs(string example)
    {
        var page = await browser.OpenAsync(Render(example));
        var path = RepositoryFiles.Path("docs", "images", $"session-sheet-{example}.png");

        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png });
        if (RepositoryFiles.UpdateDocs)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, png);
        }

        // Pixels differ between machines, so the kept file is not compared; it must be there and stay small.
        png.Should().NotBeEmpty();
        output.WriteLine($"{example}: screenshot of {png.Length} bytes");
        File.Exists(path).Should().BeTrue("the screenshot is kept in {0}; run the tests with UPDATE_DOCS=1 to write it", path);
        new FileInfo(path).Length.Should().BeInRange(1, 300 * 1024);
    }

    [ChromiumFact]
    public async Task Hostile_text_in_an_advisory_runs_no_script_in_the_browser()
    {
        var request = Request("gentle-plan");
        var assessment = new Advisor().Assess(request);
        assessment = assessment with
        {
            Advisories = [assessment.Advisories[0] with
            {
                Title = "<script>window.hacked = 1</script><img src=x onerror=\"window.hacked = 2\">",
                Message = "\"><svg onload=\"window.hacked = 3\"></svg>" + new string('W', 3000),
            }],
        };
        var page = await browser.OpenAsync(SessionSheet.Render(request, assessment));

        (await page.EvaluateAsync<bool>("() => window.hacked === undefined")).Should().BeTrue();
        (await page.Locator("script, img, svg:not(.body-map)").CountAsync()).Should().Be(0);
        (await page.Locator("article.advisory h3").InnerTextAsync()).Should().Contain("<script>window.hacked = 1</script>");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        overflow.Should().BeFalse("a very long word wraps instead of widening the page");
    }

    private static AssessmentRequest Request(string example) =>
        AssessmentRequestJson.Parse(File.ReadAllBytes(RepositoryFiles.Path("docs", "examples", example + ".json")));

    private static string Render(string example)
    {
        var request = Request(example);
        return SessionSheet.Render(request, new Advisor().Assess(request));
    }

    // A page object of a PDF, not the page tree ("/Type /Pages").
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();
}
