using System.Text.RegularExpressions;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>
/// Finds runs of ten or more words that a text shares with the source article, as the shared
/// copied-text check does: the project's texts must be its own words, with the article cited instead.
/// </summary>
internal static partial class CopiedText
{
    private const int RunLength = 10;

    private static readonly Lazy<HashSet<string>> ArticleRuns = new(() =>
    {
        File.Exists(RepositoryFiles.ArticlePath).Should().BeTrue($"the source article is expected at {RepositoryFiles.ArticlePath}");
        var article = File.ReadAllText(RepositoryFiles.ArticlePath);

        // The reference list is bibliographic data, which citations must repeat exactly.
        var cut = article.IndexOf("Verywell Health uses only high-quality sources", StringComparison.Ordinal);
        var words = Words(cut > 0 ? article[..cut] : article);
        return Enumerable.Range(0, Math.Max(0, words.Count - RunLength + 1))
            .Select(i => string.Join(' ', words.Skip(i).Take(RunLength)))
            .ToHashSet(StringComparer.Ordinal);
    });

    public static IReadOnlyList<string> Find(IEnumerable<string> texts)
    {
        var hits = new List<string>();
        foreach (var text in texts)
        {
            var words = Words(text);
            for (var i = 0; i + RunLength <= words.Count; i++)
            {
                var run = string.Join(' ', words.Skip(i).Take(RunLength));
                if (ArticleRuns.Value.Contains(run))
                {
                    hits.Add(run);
                }
            }
        }

        return hits;
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value).ToList();

    [GeneratedRegex("[a-z0-9']+")]
    private static partial Regex WordPattern();
}
