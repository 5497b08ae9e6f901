using System.Diagnostics;
using System.Net;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Feedback;

/// <summary><c>as-massage-advisor feedback report</c>, the built CLI run as a process against the service on loopback.</summary>
public sealed class ReportCliTests
{
    [Fact]
    public async Task The_cli_prints_the_services_report_as_a_table_with_a_signed_token_from_the_environment()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, _) = await FeedbackBodies.IssueAsync(client);
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Overridden(card))).Status.Should().Be(HttpStatusCode.OK);
        var token = ClientKeys.Trusted.Token(new Uri(host.Address, Http.Service + "/report").AbsoluteUri);

        // Act
        var (exit, stdout, stderr) = await RunCliAsync(token, "feedback", "report", "--service", host.Address.AbsoluteUri, "--from", "2020-01-01");

        // Assert
        exit.Should().Be(0, stderr);
        stdout.Should().Contain("Override rate per rule").And.MatchRegex(@"ASM-001\s+1\s+0\s+1\s+100[.,]0\s?%\s+assessed-in-person ×1");
    }

    [Fact]
    public async Task The_cli_without_a_token_says_the_service_answered_401_and_fails()
    {
        using var host = CdsHooksHost.Start();

        var (exit, _, stderr) = await RunCliAsync(token: null, "feedback", "report", "--service", host.Address.AbsoluteUri, "--format", "json");

        exit.Should().Be(1);
        stderr.Should().Contain("401");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunCliAsync(string? token, params string[] args)
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var cli = RepositoryFiles.Path("src", "AsMassageAdvisor.Cli", "bin", output.Parent!.Name, output.Name, "as-massage-advisor.dll");
        File.Exists(cli).Should().BeTrue("the CLI is built before these tests ({0})", cli);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("AS_MASSAGE_ADVISOR_CDS_TOKEN");
        if (token is not null)
        {
            start.Environment["AS_MASSAGE_ADVISOR_CDS_TOKEN"] = token;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
