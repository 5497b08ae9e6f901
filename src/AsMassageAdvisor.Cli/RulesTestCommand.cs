using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Xml;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Testing;

namespace AsMassageAdvisor.Cli;

/// <summary>
/// <c>rules test SCENARIOS… [--rules CLINIC-RULES] [--format text|junit] [--require-coverage]</c>: runs scenario files,
/// shows each scenario's result (with what differed when it failed) and which rules no scenario fires or keeps silent.
/// Exit 0 when every scenario passes, 1 when one fails, a file cannot be read, or (with <c>--require-coverage</c>) a rule is
/// never fired or never kept silent, 2 when a file cannot be used (every problem named).
/// </summary>
internal static class RulesTestCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<string?, TextWriter, (KnowledgeBase? KnowledgeBase, int Failure)> loadKnowledgeBase)
    {
        var files = new Argument<string[]>("SCENARIOS") { Description = "scenario files (see docs/clinic-rules.md)", Arity = ArgumentArity.OneOrMore };
        var rules = new Option<string?>("--rules")
        {
            Description = "a clinic rule file to test, in place of the one the scenario files name",
            HelpName = "CLINIC-RULES",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "text (a table; the default) or junit (JUnit XML, for CI systems)",
        }.AcceptOnlyFromAmong("text", "junit");
        var requireCoverage = new Option<bool>("--require-coverage")
        {
            Description = "also fail (exit 1) when a rule is fired by no scenario or kept silent by none",
        };
        var command = new Command("test", "Run scenario files: check that rules fire and stay silent as they say, and report which rules no scenario fires or keeps silent.")
        {
            files, rules, format, requireCoverage,
        };
        command.SetAction(parse => CliApp.Guard(error, () => Run(
            parse.GetValue(files)!, parse.GetValue(rules), parse.GetValue(format) ?? "text", parse.GetValue(requireCoverage), output, error, loadKnowledgeBase)));
        return command;
    }

    private static int Run(
        string[] paths,
        string? rulesPath,
        string format,
        bool requireCoverage,
        TextWriter output,
        TextWriter error,
        Func<string?, TextWriter, (KnowledgeBase? KnowledgeBase, int Failure)> loadKnowledgeBase)
    {
        ScenarioSuite suite;
        try
        {
            var files = ScenarioSuite.ReadFiles(paths);
            var (knowledgeBase, failure) = loadKnowledgeBase(ScenarioSuite.RulesFile(files, rulesPath), error);
            if (knowledgeBase is null)
            {
                return failure;
            }

            suite = new ScenarioSuite(knowledgeBase, files);
        }
        catch (ScenarioFileException ex)
        {
            error.WriteLine($"error: the scenarios cannot be used ({ex.Problems.Count} problem{(ex.Problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in ex.Problems)
            {
                error.WriteLine($"  {problem}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error.WriteLine($"error: cannot read a scenario file: {ex.Message}");
            return ExitCodes.Failure;
        }

        var run = suite.Run();
        output.Write(format == "junit" ? JUnit(run, suite) : Text(run, suite));
        if (requireCoverage && !run.Coverage.IsComplete)
        {
            error.WriteLine("error: --require-coverage: "
                + $"{run.Coverage.NeverFired.Count.ToString(CultureInfo.InvariantCulture)} rule(s) fired by no scenario, "
                + $"{run.Coverage.NeverKeptSilent.Count.ToString(CultureInfo.InvariantCulture)} kept silent by none");
            return ExitCodes.Failure;
        }

        return run.Passed ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string Text(ScenarioRun run, ScenarioSuite suite)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var fileWidth = run.Results.Max(r => r.Scenario.File.Length);
        foreach (var result in run.Results)
        {
            Line($"{(result.Passed ? "pass" : "FAIL")}  {result.Scenario.File.PadRight(fileWidth)}  {result.Scenario.Name}");
            foreach (var failure in result.Failures)
            {
                Line($"      - {failure}");
            }

            if (!result.Passed)
            {
                foreach (var shown in ScenarioSuite.Show(result.Assessment).Split('\n'))
                {
                    Line($"      {shown}");
                }
            }
        }

        var failed = run.Results.Count(r => !r.Passed);
        Line();
        Line($"{Count(run.Results.Count, "scenario")} in {Count(suite.Files.Count, "file")} on {ScenarioSuite.Describe(suite.KnowledgeBase)}: "
            + $"{(run.Results.Count - failed).ToString(CultureInfo.InvariantCulture)} passed, {failed.ToString(CultureInfo.InvariantCulture)} failed");
        foreach (var line in Coverage(run.Coverage))
        {
            Line(line);
        }

        return text.ToString();
    }

    private static IEnumerable<string> Coverage(RuleCoverage coverage)
    {
        var rules = Count(coverage.Rules.Count, coverage.ClinicRules ? "clinic rule" : "built-in rule");
        if (coverage.IsComplete)
        {
            yield return $"coverage of the {rules}: every rule is fired by a scenario and kept silent by one";
            yield break;
        }

        yield return $"coverage of the {rules}: {(coverage.Rules.Count - coverage.NeverFired.Count).ToString(CultureInfo.InvariantCulture)} fired by a scenario, "
            + $"{(coverage.Rules.Count - coverage.NeverKeptSilent.Count).ToString(CultureInfo.InvariantCulture)} kept silent by one";
        if (coverage.NeverFired.Count > 0)
        {
            yield return "  never fired: " + string.Join(", ", coverage.NeverFired);
        }

        if (coverage.NeverKeptSilent.Count > 0)
        {
            yield return "  never kept silent: " + string.Join(", ", coverage.NeverKeptSilent);
        }
    }

    // JUnit XML as CI systems read it: a test suite per file, a test case per scenario, a failure per failed scenario
    // (the first difference as its message, every difference and the assessment as its text). No times, so that the
    // same files give the same bytes; the coverage goes into a suite of its own, as text.
    private static string JUnit(ScenarioRun run, ScenarioSuite suite)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "rule scenarios on " + ScenarioSuite.Describe(suite.KnowledgeBase));
            Counts(xml, run.Results);
            foreach (var file in run.Results.GroupBy(r => r.Scenario.File))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", file.Key);
                Counts(xml, [.. file]);
                foreach (var result in file)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", file.Key);
                    xml.WriteAttributeString("name", result.Scenario.Name);
                    if (!result.Passed)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", result.Failures[0]);
                        xml.WriteString(string.Concat(result.Failures.Select(f => $"- {f}\n")) + ScenarioSuite.Show(result.Assessment));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "rule coverage");
            Counts(xml, []);
            xml.WriteElementString("system-out", string.Join("\n", Coverage(run.Coverage)));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<ScenarioResult> results)
    {
        xml.WriteAttributeString("tests", results.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", results.Count(r => !r.Passed).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
    }

    private static string Count(int count, string noun) => $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
