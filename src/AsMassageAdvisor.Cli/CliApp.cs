using System.CommandLine;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Cli;

/// <summary>The command line: <c>assess FILE|-</c> and <c>rules</c>, each with <c>--format</c>.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, bool isTerminal)
    {
        var assessFormat = new Option<string?>("--format", "-f")
        {
            Description = "text (a table; the default on a terminal) or json (the default when output is redirected)",
        }.AcceptOnlyFromAmong("text", "json");
        var file = new Argument<string>("FILE") { Description = "the request as JSON, or - to read standard input" };
        var explain = new Option<bool>("--explain")
        {
            Description = "also show, for every rule, whether it fired, did not apply or could not be evaluated, and why",
        };
        var assess = new Command("assess", "Assess a session plan for a person with ankylosing spondylitis.") { file, assessFormat, explain };
        assess.SetAction(parse => Assess(
            parse.GetValue(file)!,
            parse.GetValue(assessFormat) ?? (isTerminal ? "text" : "json"),
            parse.GetValue(explain),
            input,
            output,
            error));

        var rulesFormat = new Option<string?>("--format", "-f")
        {
            Description = "text (a table; the default), json, or markdown (the rule catalogue of docs/rules.md)",
        }.AcceptOnlyFromAmong("text", "json", "markdown");
        var rules = new Command("rules", "List the rules of the knowledge base with their requirements and citations.") { rulesFormat };
        rules.SetAction(parse => Rules(parse.GetValue(rulesFormat) ?? "text", output, error));

        var root = new RootCommand("AsMassageAdvisor: safety advice for massage plans for people with ankylosing spondylitis. Decision support only; it does not replace clinical judgement.")
        {
            assess,
            rules,
        };

        // No response files: an argument starting with '@' is a file name, not a list of arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static int Assess(string path, string format, bool explain, TextReader input, TextWriter output, TextWriter error)
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
            string report;
            try
            {
                var advisor = new Advisor();
                var request = AssessmentRequestJson.Parse(json);

                // Only --explain pays for a verdict on every rule.
                report = explain
                    ? Explained(advisor.Explain(request), format)
                    : format == "json" ? AssessmentJson.Serialize(advisor.Assess(request)) : TextReport.Assessment(advisor.Assess(request));
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

    private static string Explained(Explanation explanation, string format) => format == "json"
        ? AssessmentJson.Serialize(explanation)
        : TextReport.Assessment(explanation.Assessment) + "\n" + TextReport.Explanation(explanation);

    private static int Rules(string format, TextWriter output, TextWriter error) => Guard(error, () =>
    {
        var knowledgeBase = KnowledgeBase.BuiltIn;
        output.Write(format switch
        {
            "json" => KnowledgeBaseJson.Serialize(knowledgeBase),
            "markdown" => RuleCatalogueMarkdown.Render(knowledgeBase),
            _ => TextReport.Rules(knowledgeBase),
        });
        return ExitCodes.Success;
    });

    // Reads no more than one byte past the limit, so that a huge input costs nothing and the reader
    // still names the size problem. A file is read as bytes, so that bad UTF-8 is reported, not replaced.
    private static byte[] ReadAtMost(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[AssessmentRequestJson.MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    private static byte[] ReadAtMost(TextReader reader)
    {
        var buffer = new char[AssessmentRequestJson.MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = reader.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return System.Text.Encoding.UTF8.GetBytes(buffer, 0, total);
    }

    // Anything unexpected is reported in one line, never as a stack trace, and never as exit 0.
    private static int Guard(TextWriter error, Func<int> body)
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
