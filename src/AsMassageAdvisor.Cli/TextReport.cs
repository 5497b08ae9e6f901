using System.Globalization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Reading;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AsMassageAdvisor.Cli;

/// <summary>The therapist's view: readable tables, plain text without colour codes, fixed width.</summary>
internal static class TextReport
{
    private const int Width = 140;

    public static string Assessment(Assessment assessment) => Render(console =>
    {
        console.WriteLine($"Decision: {JsonNames.Of(assessment.Decision)}");
        console.WriteLine(DecisionInWords(assessment.Decision));
        console.WriteLine();
        var table = new Table().Border(TableBorder.Square).Expand();
        table.AddColumn(new TableColumn("Severity").NoWrap());
        table.AddColumn(new TableColumn("Code").NoWrap());
        table.AddColumn(new TableColumn("Items").NoWrap());
        table.AddColumn(new TableColumn("Advice"));
        table.AddColumn(new TableColumn("Why"));
        table.AddColumn(new TableColumn("Sources"));
        foreach (var a in assessment.Advisories)
        {
            table.AddRow(
                Text(JsonNames.Of(a.Severity) + (a.Indeterminate ? "\n(not evaluated)" : "")),
                Text(a.Code + "\n" + string.Join(", ", a.Requirements) + "\n" + JsonNames.Of(a.Basis)),
                Text(a.Items.Count == 0 ? "all" : string.Join(", ", a.Items.Select(i => i.ToString(CultureInfo.InvariantCulture)))),
                Text(a.Title + "\n" + a.Message),
                Text(string.Join("\n", a.Triggers)),
                Text(string.Join("\n", a.Citations.Select(c => $"{c.Source} {c.Section}"))));
        }

        console.Write(table);
        console.WriteLine();
        WriteSaferPlan(console, assessment);
        if (assessment.UnknownFacts.Count > 0)
        {
            console.WriteLine("Unknown, treated conservatively: " + string.Join(", ", assessment.UnknownFacts));
        }

        console.WriteLine($"Knowledge base {assessment.KnowledgeBase.Version} (sha256 {assessment.KnowledgeBase.Sha256})");
        if (assessment.KnowledgeBase.ClinicRules is { } clinic)
        {
            console.WriteLine($"Clinic rules '{clinic.Name}' {clinic.Version} (sha256 {clinic.Sha256})");
        }
        console.WriteLine("Decision support only: it does not replace the judgement of the clinician or therapist.");
    });

    // What must change, under the advisories: each change with the codes that asked for it. A plan that needs no
    // change says nothing more here; a stop has no safer plan.
    private static void WriteSaferPlan(IAnsiConsole console, Assessment assessment)
    {
        if (assessment.SaferPlan is not { } plan)
        {
            console.WriteLine("Safer plan: none. Do not give this massage today.");
            console.WriteLine();
            return;
        }

        if (plan.Changes.Count == 0)
        {
            return;
        }

        console.WriteLine($"Safer plan, a suggestion checked again by the same rules (decision: {JsonNames.Of(plan.Decision)}):");
        foreach (var change in plan.Changes)
        {
            console.WriteLine($"  {SaferPlanBuilder.Describe(change)} (because of {string.Join(", ", change.Because)})");
        }

        // The plan as given had the safer plan's items plus the ones it leaves out.
        var given = plan.Items.Count + plan.Changes.Count(c => c.To is null);
        var unchanged = Enumerable.Range(0, given)
            .Where(i => plan.Changes.All(c => c.Item != i))
            .Select(i => i.ToString(CultureInfo.InvariantCulture))
            .ToList();
        if (unchanged.Count > 0)
        {
            console.WriteLine($"  unchanged: item{(unchanged.Count == 1 ? "" : "s")} {string.Join(", ", unchanged)}");
        }

        console.WriteLine();
    }

    public static string Explanation(Explanation explanation) => Render(console =>
    {
        console.WriteLine("Why each rule did or did not fire:");
        var table = new Table().Border(TableBorder.Square).Expand();
        table.AddColumn(new TableColumn("Code").NoWrap());
        table.AddColumn(new TableColumn("Verdict").NoWrap());
        table.AddColumn(new TableColumn("Items").NoWrap());
        table.AddColumn(new TableColumn("Reason"));
        table.AddColumn(new TableColumn("Facts"));
        foreach (var r in explanation.Rules)
        {
            table.AddRow(
                Text(r.Code),
                Text(JsonNames.Of(r.Verdict)),
                Text(string.Join(", ", r.Items.Select(i => i.ToString(CultureInfo.InvariantCulture)))),
                Text(r.Reason),
                Text(string.Join("\n", r.Facts)));
        }

        console.Write(table);
    });

    public static string Rules(KnowledgeBase knowledgeBase) => Render(console =>
    {
        console.WriteLine($"Knowledge base {knowledgeBase.Identity.Version} (sha256 {knowledgeBase.Identity.Sha256}): {knowledgeBase.Rules.Count} rules");
        if (knowledgeBase.Identity.ClinicRules is { } clinic)
        {
            console.WriteLine($"including clinic rules '{clinic.Name}' {clinic.Version} (sha256 {clinic.Sha256})");
        }
        var table = new Table().Border(TableBorder.Square).Expand();
        table.AddColumn(new TableColumn("Code").NoWrap());
        table.AddColumn(new TableColumn("Severity").NoWrap());
        table.AddColumn(new TableColumn("Requirements").NoWrap());
        table.AddColumn(new TableColumn("Basis").NoWrap());
        table.AddColumn(new TableColumn("Title"));
        table.AddColumn(new TableColumn("Citations"));
        foreach (var r in knowledgeBase.Rules)
        {
            table.AddRow(
                Text(r.Code),
                Text(JsonNames.Of(r.Severity)),
                Text(string.Join(", ", r.Requirements)),
                Text(JsonNames.Of(r.Basis)),
                Text(r.Title),
                Text(string.Join("\n", r.Citations.Select(c => $"{c.Source} {c.Section} (SORT {c.Evidence.Level})"))));
        }

        console.Write(table);
    });

    private static string DecisionInWords(Decision decision) => decision switch
    {
        Decision.DoNotProceed => "Do not give this massage; refer for medical assessment first.",
        Decision.ProceedWithModifications => "Change the plan as advised below before going ahead.",
        Decision.ProceedWithCaution => "Go ahead only after acting on the cautions below.",
        _ => "No change to the plan is needed; read the notes below.",
    };

    private static IRenderable Text(string value) => new Text(value);

    private static string Render(Action<IAnsiConsole> body)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = Width;
        console.Profile.Encoding = System.Text.Encoding.UTF8;
        body(console);
        return writer.ToString();
    }
}
