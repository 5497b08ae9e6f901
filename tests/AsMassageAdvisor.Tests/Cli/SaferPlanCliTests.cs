using System.Text.Json;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Cli;

/// <summary><c>assess</c> shows the safer plan: under the advisories in the text report, as <c>saferPlan</c> in JSON.</summary>
public sealed class SaferPlanCliTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public void The_text_report_shows_under_the_advisories_what_changes_and_why_by_code()
    {
        var (exit, stdout, stderr) = CliRunner.Run(["assess", Example("manipulation-ankylosed-neck.json"), "--format", "text"]);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        var advisories = stdout.IndexOf("ASM-001", StringComparison.Ordinal);
        var saferPlan = stdout.IndexOf("Safer plan", StringComparison.Ordinal);
        saferPlan.Should().BeGreaterThan(advisories);
        // The report fits an 80-column terminal, so a long line may wrap.
        System.Text.RegularExpressions.Regex.Replace(stdout, @"\s+", " ").Should().Contain("item 2 (moderate spinal manipulation of the neck): replace it with light effleurage (because of ASM-001)")
            .And.Contain("unchanged: item 1");
    }

    [Fact]
    public void The_text_report_of_a_plan_that_needs_no_change_has_no_safer_plan_section()
    {
        var (_, stdout, _) = CliRunner.Run(["assess", Example("gentle-plan.json"), "--format", "text"]);

        stdout.Should().NotContain("Safer plan");
    }

    [Fact]
    public void The_json_assessment_carries_the_safer_plan()
    {
        var (exit, stdout, _) = CliRunner.Run(["assess", Example("unknown-ankylosis.json"), "--format", "json"]);

        exit.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        var plan = document.RootElement.GetProperty("saferPlan");
        plan.GetProperty("changes")[0].GetProperty("because")[0].GetString().Should().Be("ASM-034");
        plan.GetProperty("openQuestions").EnumerateArray().Select(e => e.GetString()).Should().Contain("$.patient.ankylosis");
    }

    [Fact]
    public void A_stop_says_in_the_text_report_that_there_is_no_safer_plan()
    {
        const string request = """{ "patient": { "neurologicalSymptoms": ["sensoryChanges"] }, "plan": { "items": [ { "technique": "effleurage", "region": "legs", "pressure": "light" } ] } }""";

        var (exit, stdout, _) = CliRunner.Run(["assess", "-", "--format", "text"], stdin: request);

        exit.Should().Be(0);
        stdout.Should().Contain("Safer plan: none. Do not give this massage today.");
    }
}
