using System.Globalization;
using System.Text;
using System.Text.Json;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Cli;

/// <summary>
/// The rule catalogue as Markdown (<c>rules --format markdown</c>), the source of docs/rules.md.
/// Everything rule-specific comes from the knowledge base; a test keeps the committed file equal to it.
/// </summary>
internal static class RuleCatalogueMarkdown
{
    public static string Render(KnowledgeBase knowledgeBase)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("# Rule catalogue");
        Line();
        Line("Generated from the knowledge base by `as-massage-advisor rules --format markdown`; do not edit by hand.");
        Line("A test fails when this file and the knowledge base disagree.");
        Line();
        Line($"- Knowledge base version: `{knowledgeBase.Identity.Version}`");
        Line($"- SHA-256 of its rule and source files: `{knowledgeBase.Identity.Sha256}`");
        Line($"- Rules: {Count(knowledgeBase.Rules.Count)} ({Count(knowledgeBase.ActiveRules.Count)} run by default: status `production`)");
        Line();
        Line("## Definitions the rules use");
        Line();
        Line("| term | meaning | where |");
        Line("|---|---|---|");
        foreach (var term in Terms.Definitions)
        {
            Line($"| {term.Term} | {Cell(term.Meaning)} | {string.Join(", ", term.Where.Select(w => $"`{w}`"))} |");
        }

        Line();
        Line("The terms that several rules share are derived facts, inserted by the library's inference rules before any advisory");
        Line("rule runs, and named by the rules' conditions: `spine` (the ankylosis status the rules use, `TreatedAsFused`,");
        Line("`MayBeFused`, `NeckMayBeFused`, `FusedRegions`), `day` (`SessionDate`, `StatusAgeInDays`, `StatusIsStale`), `planWork`");
        Line("(`AnyAggressive`, `AllGentle`, `AllLightByHand`) and, for each item, `work` (`OnSpine`, `SpinalWork`, `MovesSpine`,");
        Line("`SpinalRegion`, `Aggressive`, `Gentle`, `GentleStroke`, `NextToNeck`, `FrictionOrPercussion`). An explanation names the");
        Line("derived facts a fired rule matched, with the reason (\"ankylosis treated as present: the neck listed as fused\").");
        Line();
        Line("Friction and tapotement below firm pressure are not aggressive by these definitions, but over a fused spine they");
        Line("are treated as forceful enough for a warning (ASM-005, basis `interpreted`).");
        Line();
        Line("Absent dates mean \"as of now\": an absent `statusConfirmedOn` is a current status, an absent `sessionDate` is today.");
        Line();
        Line("The hands and the feet are regions away from the spine, like the arms and the legs. A tool self-massage is the");
        Line("patient's own: with `administeredBy` absent or `unknown` it is assessed as given by the patient, and a plan that");
        Line("names anyone else as its giver is refused as invalid.");
        Line();
        Line("Safer plan: an item rule above caution may name the change it asks for (remove, lighten, replace); the");
        Line("assessment's `saferPlan` applies them, assesses the changed plan again with the same rules and leaves out any");
        Line("item that still carries an advisory above caution (see [safer-plan.md](safer-plan.md)).");
        Line();
        Line("Alert budget: a rule marked \"withheld above\" gives no advisory where another advisory is more severe than the");
        Line("level it names (for an item rule, on the items that other advisory names), so that a note assuming the plan or");
        Line("the item goes ahead never stands beside advice to change or drop it.");
        Line();
        Line("Basis: `stated` when the article says it; `interpreted` when it is a conservative reading the article does not");
        Line("spell out (for instance, an unknown fact treated as possibly present). Evidence levels use SORT (Strength of");
        Line("Recommendation Taxonomy): A consistent good-quality patient-oriented evidence; B inconsistent or limited-quality");
        Line("patient-oriented evidence; C consensus, usual practice, opinion or case series. A consumer article is level C.");
        Line();
        Line("Severity and decision: any `stop` gives `doNotProceed`; else any `contraindicated` or `warning` gives");
        Line("`proceedWithModifications`; else any `caution` gives `proceedWithCaution`; else `proceed`. A rule that cannot be");
        Line("evaluated is reported as applying, marked `indeterminate`, at no less than `warning`.");
        Line();
        Line("## Requirements");
        Line();
        Line("| id | requirement | origin | rules |");
        Line("|---|---|---|---|");
        foreach (var q in knowledgeBase.Requirements)
        {
            var rules = knowledgeBase.Rules.Where(r => r.Requirements.Contains(q.Id)).Select(r => r.Code);
            Line($"| {q.Id} | {Cell(q.Summary)} | {q.Origin} | {string.Join(", ", rules)} |");
        }

        Line();
        Line("## Rules");
        Line();
        Line("| code | title | severity | scope | basis | requirements | status |");
        Line("|---|---|---|---|---|---|---|");
        foreach (var r in knowledgeBase.Rules)
        {
            Line($"| [{r.Code}](#{r.Code.ToLowerInvariant()}) | {Cell(r.Title)} | {Name(r.Severity)} | {Name(r.Scope)} | {Name(r.Basis)} | {string.Join(", ", r.Requirements)} | {Name(r.Status)} |");
        }

        foreach (var r in knowledgeBase.Rules)
        {
            Line();
            Line($"### {r.Code}");
            Line();
            Line($"**{r.Title}**");
            Line();
            Line($"- When: {r.When}");
            Line($"- Advice: {r.Message}");
            Line($"- Severity: `{Name(r.Severity)}`; scope: `{Name(r.Scope)}`; basis: `{Name(r.Basis)}`");
            Line($"- Requirements: {string.Join(", ", r.Requirements)}");
            Line($"- Status: `{Name(r.Status)}`; version {r.Version}; last reviewed {r.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            Line($"- Triggers shown: {string.Join(", ", r.Triggers.Select(t => $"`{t}`"))}");
            if (r.SilentAbove is { } silentAbove)
            {
                Line($"- Withheld above: `{Name(silentAbove)}`");
            }

            if (r.Change is { } change)
            {
                Line($"- Change asked for (safer plan): {ChangeInWords(change)}");
            }
            else if (r.Scope == RuleScope.Item && r.Severity > Advice.Severity.Caution)
            {
                Line("- Change asked for (safer plan): none named, so the item is left out");
            }

            Line("- Citations:");
            foreach (var c in r.Citations)
            {
                Line($"  - {c.Source}, {c.Section} (evidence {c.Evidence.Scheme} {c.Evidence.Level})");
            }

            Line($"- Expression: `{r.Expression}`");
        }

        Line();
        Line("## Sources");
        Line();
        Line("| id | source | DOI | kind |");
        Line("|---|---|---|---|");
        foreach (var s in knowledgeBase.Sources)
        {
            Line($"| {s.Id} | {Cell(s.Label)} | {s.Doi ?? ""} | {s.Kind} |");
        }

        var s0 = knowledgeBase.Sources.FirstOrDefault(s => s.Sections.Count > 0);
        if (s0 is not null)
        {
            Line();
            Line($"Sections of {s0.Id} that citations may name: {string.Join("; ", s0.Sections)}.");
        }

        return md.ToString();
    }

    private static string ChangeInWords(RuleChange change) => change.Action switch
    {
        Advice.ChangeAction.Remove => "leave the item out",
        Advice.ChangeAction.Lighten => $"lighten to at most `{Name(change.Pressure!.Value)}` pressure (deep-tissue work becomes petrissage; tool self-massage is left out)",
        _ => $"replace by `{Name(change.Technique!.Value)}` on the same region at no more than `{Name(change.Pressure!.Value)}` pressure",
    };

    // A value as the contract's JSON writes it: its name in camelCase.
    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
