using System.CommandLine;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Fhir;
using AsMassageAdvisor.Fhir.CdsHooks;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Cli;

/// <summary>The command line: <c>assess FILE|-</c> and <c>rules</c> (with <c>check</c> and <c>test</c>), each with <c>--format</c>.</summary>
internal static class CliApp
{
    /// <summary>
    /// Runs the command line; <paramref name="input"/> is standard input as bytes, read like a file. Text reports are
    /// <paramref name="width"/> columns wide (the terminal's width; 80 when the output is not a terminal).
    /// </summary>
    public static int Run(string[] args, Stream input, TextWriter output, TextWriter error, bool isTerminal, int width = TextReport.DefaultWidth)
    {
        var assessFormat = new Option<string?>("--format", "-f")
        {
            Description = "text (a table; the default on a terminal), json (the default when output is redirected), cds-hooks (CDS Hooks cards) or html (the printable session sheet)",
        }.AcceptOnlyFromAmong("text", "json", "cds-hooks", "html");
        var file = new Argument<string>("FILE") { Description = "the request as JSON, or - to read standard input" };
        var explain = new Option<bool>("--explain")
        {
            Description = "also show, for every rule, whether it fired, did not apply or could not be evaluated, and why",
        };
        var assessClinicRules = ClinicRulesOption();
        var assess = new Command("assess", "Assess a session plan for a person with ankylosing spondylitis.") { file, assessFormat, explain, assessClinicRules };
        assess.SetAction(parse => Assess(
            parse.GetValue(file)!,
            parse.GetValue(assessFormat) ?? (isTerminal ? "text" : "json"),
            parse.GetValue(explain),
            parse.GetValue(assessClinicRules),
            input,
            output,
            error,
            width));

        var rulesFormat = new Option<string?>("--format", "-f")
        {
            Description = "text (a table; the default), json, or markdown (the rule catalogue of docs/rules.md)",
        }.AcceptOnlyFromAmong("text", "json", "markdown");
        var rulesClinicRules = ClinicRulesOption();
        var checkFile = new Argument<string>("FILE") { Description = "the clinic rule file to check" };
        var check = new Command("check", "Check a clinic rule file: its format, citations and every expression's allow-list check, without assessing anything.") { checkFile };
        check.SetAction(parse => CheckClinicRules(parse.GetValue(checkFile)!, output, error));
        var test = RulesTestCommand.Create(output, error, LoadKnowledgeBase);
        var rules = new Command("rules", "List the rules of the knowledge base with their requirements and citations.") { rulesFormat, rulesClinicRules, check, test };
        rules.SetAction(parse => Rules(parse.GetValue(rulesFormat) ?? "text", parse.GetValue(rulesClinicRules), output, error, width));

        var root = new RootCommand("AsMassageAdvisor: safety advice for massage plans for people with ankylosing spondylitis. Decision support only; it does not replace clinical judgement.")
        {
            assess,
            rules,
            FeedbackCommand.Create(output, error),
        };

        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(output);

        // No response files: an argument starting with '@' is a file name, not a list of arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

        // A mistake on the command line is answered on standard error, help included, so that "> out.json" never
        // captures the help as if it were output.
        return parse.Invoke(new InvocationConfiguration
        {
            Output = parse.Errors.Count > 0 ? error : output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        });
    }

    private static Option<string?> ClinicRulesOption() => new("--rules")
    {
        Description = "a clinic rule file whose rules are added to the built-in ones (they can add advisories, never remove or soften one)",
        HelpName = "CLINIC-RULES",
    };

    private static int Assess(string path, string format, bool explain, string? clinicRulesPath, Stream input, TextWriter output, TextWriter error, int width)
    {
        byte[] json;
        try
        {
            json = path == "-" ? ReadAtMost(input) : ReadAtMost(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot read '{path}': {ex.Message}");
            return ExitCodes.Failure;
        }

        return Guard(error, () =>
        {
            var (knowledgeBase, failure) = LoadKnowledgeBase(clinicRulesPath, error);
            if (knowledgeBase is null)
            {
                return failure;
            }

            string report;
            try
            {
                var advisor = new Advisor(knowledgeBase);
                var request = AssessmentRequestJson.Parse(json);

                // Only --explain pays for a verdict on every rule.
                // Cards carry the explanation a record system shows, so --explain adds nothing to them.
                // The session sheet is a page for the treatment table; --explain adds nothing to it either.
                // The reader has validated the request; the advisor's own check of a valid request is a quick screen.
                report = format == "cds-hooks" ? CdsHooksCards(advisor.Assess(request), request)
                    : format == "html" ? Reports.SessionSheet.Render(request, advisor.Assess(request))
                    : explain ? Explained(advisor.Explain(request), request, format, width)
                    : format == "json" ? AssessmentJson.Serialize(advisor.Assess(request))
                    : TextReport.Assessment(advisor.Assess(request), width, request);
            }
            catch (InvalidRequestException ex)
            {
                error.WriteLine($"error: the request is invalid ({ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}):");
                foreach (var e in ex.Errors)
                {
                    error.WriteLine($"  {e.Path}: {e.Message}");
                }

                return ExitCodes.InvalidInput;
            }

            output.Write(report);
            return ExitCodes.Success;
        });
    }

    // A request read from JSON has no draft orders, so the cards offer no delete actions; they name the items instead.
    private static string CdsHooksCards(Assessment assessment, AssessmentRequest request) =>
        CdsCardWriter.Serialize(CdsCardBuilder.Build(assessment, new FhirMapping
        {
            Request = request,
            OrderReferences = request.Plan.Items.Select(_ => (string?)null).ToArray(),
            UnassessedOrders = [],
            Notes = [],
        }));

    private static string Explained(Explanation explanation, AssessmentRequest request, string format, int width) => format == "json"
        ? AssessmentJson.Serialize(explanation)
        : TextReport.Assessment(explanation.Assessment, width, request) + "\n" + TextReport.Explanation(explanation, width);

    private static int Rules(string format, string? clinicRulesPath, TextWriter output, TextWriter error, int width) => Guard(error, () =>
    {
        var (knowledgeBase, failure) = LoadKnowledgeBase(clinicRulesPath, error);
        if (knowledgeBase is null)
        {
            return failure;
        }

        output.Write(format switch
        {
            "json" => KnowledgeBaseJson.Serialize(knowledgeBase),
            "markdown" => RuleCatalogueMarkdown.Render(knowledgeBase),
            _ => TextReport.Rules(knowledgeBase, width),
        });
        return ExitCodes.Success;
    });

    private static int CheckClinicRules(string path, TextWriter output, TextWriter error) => Guard(error, () =>
    {
        var (knowledgeBase, failure) = LoadKnowledgeBase(path, error);
        if (knowledgeBase is null)
        {
            return failure;
        }

        var clinic = knowledgeBase.Identity.ClinicRules!;
        var added = knowledgeBase.Rules.Count - KnowledgeBase.BuiltIn.Rules.Count;
        var active = knowledgeBase.ActiveRules.Count - KnowledgeBase.BuiltIn.ActiveRules.Count;
        output.WriteLine($"ok: '{clinic.Name}' version {clinic.Version} (sha256 {clinic.Sha256})");
        output.WriteLine($"  {added} clinic rule{(added == 1 ? "" : "s")} ({active} will run), each expression within the allow-list;");
        output.WriteLine($"  they add to the {KnowledgeBase.BuiltIn.Rules.Count} built-in rules of knowledge base {knowledgeBase.Identity.Version} and change none of them.");
        return ExitCodes.Success;
    });

    // The built-in knowledge base, with a clinic's rules when a file is named. A file that cannot be read
    // exits 1; a file with problems exits 2 with every problem named. Without a knowledge base, the message is written.
    internal static (KnowledgeBase? KnowledgeBase, int Failure) LoadKnowledgeBase(string? clinicRulesPath, TextWriter error)
    {
        if (clinicRulesPath is null)
        {
            return (KnowledgeBase.BuiltIn, ExitCodes.Success);
        }

        string json;
        try
        {
            var bytes = ReadAtMost(clinicRulesPath);
            if (bytes.Length > AssessmentRequestJson.MaxBytes)
            {
                error.WriteLine($"error: the clinic rule file '{clinicRulesPath}' is larger than {AssessmentRequestJson.MaxBytes} bytes");
                return (null, ExitCodes.InvalidInput);
            }

            var bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            json = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, bom, bytes.Length - bom);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot read the clinic rule file '{clinicRulesPath}': {ex.Message}");
            return (null, ExitCodes.Failure);
        }

        try
        {
            return (KnowledgeBase.BuiltIn.WithClinicRules(json), ExitCodes.Success);
        }
        catch (KnowledgeBaseException ex)
        {
            error.WriteLine($"error: the clinic rule file '{clinicRulesPath}' cannot be used ({ex.Problems.Count} problem{(ex.Problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in ex.Problems)
            {
                error.WriteLine($"  {Printable(problem.ToString())}");
            }

            return (null, ExitCodes.InvalidInput);
        }
    }

    // Problems quote the file's own text; keep control characters from reaching the terminal.
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    // Reads no more than one byte past the limit, so that a huge input costs nothing and the reader
    // still names the size problem. A file is read as bytes, so that bad UTF-8 is reported, not replaced.
    private static byte[] ReadAtMost(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadAtMost(stream);
    }

    // Standard input and a file are read the same way, as bytes, so that the same bad byte gives the same error.
    private static byte[] ReadAtMost(Stream stream)
    {
        var buffer = new byte[AssessmentRequestJson.MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    // Anything unexpected is reported in one line, never as a stack trace, and never as exit 0.
    internal static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
#pragma warning disable CA1031 // the command line's last line of defence: every failure becomes exit 1 with a message
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
