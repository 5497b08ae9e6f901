using System.Globalization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AsMassageAdvisor.Cli;

/// <summary>
/// The therapist's view: readable tables, plain text without colour codes, as wide as the terminal. Every value is in
/// plain words (<see cref="PlainWords"/>) and items are counted from 1.
/// </summary>
internal static class TextReport
{
    /// <summary>The width when the output is not a terminal (or the terminal does not say): a classic terminal.</summary>
    public const int DefaultWidth = 80;

    // Narrower than this the table's six columns cannot hold a word each.
    private const int MinimumWidth = 60;

    public static string Assessment(Assessment assessment, int width = DefaultWidth, AssessmentRequest? request = null) => Render(width, console =>
    {
        console.WriteLine($"Decision: {PlainWords.Of(assessment.Decision)}");
        console.WriteLine(PlainWords.Sentence(assessment.Decision));
        console.WriteLine();
        var table = new Table().Border(TableBorder.Square).Expand();
        table.AddColumn(new TableColumn("Severity").NoWrap());
        table.AddColumn(new TableColumn("Code"));
        table.AddColumn(new TableColumn("Items").NoWrap());
        table.AddColumn(new TableColumn("Advice"));
        table.AddColumn(new TableColumn("Why"));
        table.AddColumn(new TableColumn("Sources"));
        foreach (var a in assessment.Advisories)
        {
            table.AddRow(
                Text(PlainWords.Of(a.Severity) + (a.Indeterminate ? "\n(not checked)" : "")),
                Text(a.Code + "\n" + string.Join(", ", a.Requirements) + "\n" + PlainWords.Of(a.Basis)),
                Text(a.Items.Count == 0 ? "all" : string.Join(", ", a.Items.Select(Number))),
                Text(a.Title + "\n" + a.Message),
                Text(string.Join("\n", a.TriggersInWords)),
                Text(string.Join("\n", a.Citations.Select(c => $"{c.Source} {c.Section}"))));
        }

        console.Write(table);
        console.WriteLine();
        WriteSaferPlan(console, assessment);
        if (assessment.UnknownFacts.Count > 0)
        {
            console.WriteLine("Not known, and so treated conservatively; ask before the session:");
            foreach (var question in PlainWords.Questions(assessment.UnknownFacts, request))
            {
                console.WriteLine("  - " + question);
            }

            console.WriteLine();
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

        console.WriteLine($"Safer plan, a suggestion checked again by the same rules (decision with it: {PlainWords.Of(plan.Decision)}):");
        foreach (var change in plan.Changes)
        {
            console.WriteLine($"  {PlainWords.Change(change)} (because of {string.Join(", ", change.Because)})");
        }

        // The plan as given had the safer plan's items plus the ones it leaves out.
        var given = plan.Items.Count + plan.Changes.Count(c => c.To is null);
        var unchanged = Enumerable.Range(0, given)
            .Where(i => plan.Changes.All(c => c.Item != i))
            .ToList();
        if (unchanged.Count > 0)
        {
            console.WriteLine($"  unchanged: {PlainWords.Items(unchanged)}");
        }

        console.WriteLine();
    }

    public static string Explanation(Explanation explanation, int width = DefaultWidth) => Render(width, console =>
    {
        console.WriteLine("Why each rule did or did not fire:");
        var table = new Table().Border(TableBorder.Square).Expand();
        table.AddColumn(new TableColumn("Code").NoWrap());
        table.AddColumn(new TableColumn("Verdict"));
        table.AddColumn(new TableColumn("Items").NoWrap());
        table.AddColumn(new TableColumn("Reason"));
        table.AddColumn(new TableColumn("Facts"));
        foreach (var r in explanation.Rules)
        {
            table.AddRow(
                Text(r.Code),
                Text(PlainWords.Of(r.Verdict)),
                Text(string.Join(", ", r.Items.Select(Number))),
                Text(r.ReasonInWords),
                Text(string.Join("\n", r.FactsInWords)));
        }

        console.Write(table);
    });

    public static string Rules(KnowledgeBase knowledgeBase, int width = DefaultWidth) => Render(width, console =>
    {
        console.WriteLine($"Knowledge base {knowledgeBase.Identity.Version} (sha256 {knowledgeBase.Identity.Sha256}): {knowledgeBase.Rules.Count} rules");
        if (knowledgeBase.Identity.ClinicRules is { } clinic)
        {
            console.WriteLine($"including clinic rules '{clinic.Name}' {clinic.Version} (sha256 {clinic.Sha256})");
        }
        var table = new Table().Border(TableBorder.Square).Expand();
        table.AddColumn(new TableColumn("Code").NoWrap());
        table.AddColumn(new TableColumn("Severity").NoWrap());
        table.AddColumn(new TableColumn("Requirements"));
        table.AddColumn(new TableColumn("Basis"));
        table.AddColumn(new TableColumn("Title"));
        table.AddColumn(new TableColumn("Citations"));
        foreach (var r in knowledgeBase.Rules)
        {
            table.AddRow(
                Text(r.Code),
                Text(PlainWords.Of(r.Severity)),
                Text(string.Join(", ", r.Requirements)),
                Text(PlainWords.Of(r.Basis)),
                Text(r.Title),
                Text(string.Join("\n", r.Citations.Select(c => $"{c.Source} {c.Section} (SORT {c.Evidence.Level})"))));
        }

        console.Write(table);
    });

    // Items as people count them, from 1.
    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private static IRenderable Text(string value) => new Text(value);

    private static string Render(int width, Action<IAnsiConsole> body)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = Math.Max(width, MinimumWidth);
        console.Profile.Encoding = System.Text.Encoding.UTF8;
        body(console);
        return writer.ToString();
    }
}
