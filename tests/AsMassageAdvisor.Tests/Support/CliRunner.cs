using System.Globalization;
using AsMassageAdvisor.Cli;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>Runs the command line in process, with its three streams captured.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(string[] args, string stdin = "", bool isTerminal = false) =>
        Run(args, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(stdin), isTerminal);

    public static (int Exit, string Stdout, string Stderr) Run(string[] args, byte[] stdin, bool isTerminal = false)
    {
        using var input = new MemoryStream(stdin);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CliApp.Run(args, input, output, error, isTerminal);
        return (exit, output.ToString(), error.ToString());
    }
}
