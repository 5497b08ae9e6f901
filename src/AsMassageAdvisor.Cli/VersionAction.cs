using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Cli;

/// <summary><c>--version</c>: the tool's version and the built-in knowledge base's version and hash.</summary>
internal sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
{
    /// <summary>The tool's version, without the commit that some builds append after a '+'.</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var identity = KnowledgeBase.BuiltIn.Identity;
        output.WriteLine($"as-massage-advisor {ToolVersion}");
        output.WriteLine($"knowledge base {identity.Version} (sha256 {identity.Sha256})");
        return ExitCodes.Success;
    }
}
