using System.Text.Json;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Cli;

/// <summary><c>assess FILE --format cds-hooks</c>: the advisories as CDS Hooks cards.</summary>
public sealed class CdsHooksFormatTests
{
    [Fact]
    public void A_contraindicated_item_becomes_a_critical_card_without_an_invented_order_action()
    {
        var (exit, stdout, stderr) = Run(["assess", Path.Combine(AppContext.BaseDirectory, "examples", "manipulation-ankylosed-neck.json"), "--format", "cds-hooks"]);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        using var document = JsonDocument.Parse(stdout);
        var cards = document.RootElement.GetProperty("cards").EnumerateArray().ToList();
        var critical = cards.Where(c => c.GetProperty("source").TryGetProperty("topic", out var t) && t.GetProperty("code").GetString() == "ASM-001").Should().ContainSingle().Subject;
        critical.GetProperty("indicator").GetString().Should().Be("critical");
        critical.TryGetProperty("suggestions", out _).Should().BeFalse("a JSON request names no draft orders to delete");
        critical.GetProperty("detail").GetString().Should().Contain("item 2: moderate spinal manipulation of the neck").And.Contain("Section: Use Caution");
        cards.Should().OnlyContain(c => c.GetProperty("summary").GetString()!.Length < 140);
    }

    [Fact]
    public void The_cards_are_the_same_bytes_every_time()
    {
        string[] args = ["assess", Path.Combine(AppContext.BaseDirectory, "examples", "unknown-ankylosis.json"), "--format", "cds-hooks"];

        Run(args).Stdout.Should().Be(Run(args).Stdout).And.NotBeEmpty();
    }

    private static (int Exit, string Stdout, string Stderr) Run(string[] args) =>
        CliRunner.Run(args);
}
