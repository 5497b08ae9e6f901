using System.Text;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Cli;

/// <summary>Standard input is read as bytes, like a file: the same bytes give the same answer either way.</summary>
public sealed class StandardInputTests
{
    [Fact]
    public void The_same_bad_byte_gives_the_same_error_from_standard_input_and_from_a_file()
    {
        var bytes = Encoding.UTF8.GetBytes("""{ "patient": { "ankylosis": "present" }, "plan": { "items": [ { "technique": "effle""")
            .Concat(new byte[] { 0xFF })
            .Concat(Encoding.UTF8.GetBytes("""urage", "region": "legs" } ] } }"""))
            .ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"bad-byte-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        try
        {
            var fromFile = CliRunner.Run(["assess", path, "--format", "json"]);
            var fromStdin = CliRunner.Run(["assess", "-", "--format", "json"], bytes);

            fromFile.Exit.Should().Be(2);
            fromStdin.Should().Be(fromFile);
            fromStdin.Stderr.Should().Contain("not valid UTF-8");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
