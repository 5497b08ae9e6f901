using AsMassageAdvisor.Browser.Tests.Support;

namespace AsMassageAdvisor.Browser.Tests;

/// <summary>The kept screenshots, checked without a browser: a clone without Chromium still has them.</summary>
public sealed class ScreenshotFileTests
{
    [Theory]
    [InlineData("gentle-plan")]
    [InlineData("manipulation-ankylosed-neck")]
    [InlineData("unknown-ankylosis")]
    public void The_screenshot_of_each_bundled_example_is_a_small_png_in_the_docs(string example)
    {
        var path = RepositoryFiles.Path("docs", "images", $"session-sheet-{example}.png");

        File.Exists(path).Should().BeTrue("the browser tests write {0} with UPDATE_DOCS=1", path);
        var bytes = File.ReadAllBytes(path);
        bytes.Length.Should().BeInRange(1, 300 * 1024);
        bytes.AsSpan(0, 8).ToArray().Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    [Fact]
    public void The_readme_shows_one_of_them()
    {
        File.ReadAllText(RepositoryFiles.Path("README.md")).Should().Contain("](docs/images/session-sheet-manipulation-ankylosed-neck.png)");
    }
}
