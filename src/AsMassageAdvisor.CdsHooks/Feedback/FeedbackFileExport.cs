using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// The optional export of feedback to a JSON-lines file (<see cref="CdsHooksOptions.FeedbackFile"/>), one
/// entry a line, written after the entry is committed to the database (<see cref="IFeedbackStore"/>), which
/// is the record the report reads. Writes are serialized and flushed to disk
/// before the client is answered, so feedback that was acknowledged survives a crash or a restart. The
/// file holds no patient data: card and suggestion ids, outcomes, coded reasons and times. When a write
/// would take the file past <see cref="CdsHooksOptions.MaxFeedbackFileBytes"/>, the file is rotated
/// (<c>feedback.jsonl</c> becomes <c>feedback.1.jsonl</c>, and so on); only a file beyond
/// <see cref="CdsHooksOptions.FeedbackFilesKept"/> is deleted, so the disk used is bounded.
/// </summary>
internal sealed class FeedbackFileExport
{
    private readonly Lock gate = new();
    private readonly ILogger<FeedbackFileExport> logger;
    private readonly long maxFileBytes;
    private readonly int filesKept;

    public FeedbackFileExport(IOptions<CdsHooksOptions> options, IHostEnvironment environment, ILogger<FeedbackFileExport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        FilePath = options.Value.FeedbackFile is { } file ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, file)) : null;
        maxFileBytes = options.Value.MaxFeedbackFileBytes;
        filesKept = options.Value.FeedbackFilesKept;
        this.logger = logger;
    }

    /// <summary>The absolute path of the file, or null when no export is configured.</summary>
    public string? FilePath { get; }

    /// <summary>Appends the entries of one feedback call, all or none.</summary>
    /// <param name="serviceId">The service the feedback was sent to.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="receivedAt">When the call came, as stored in the database.</param>
    public void Append(string serviceId, IReadOnlyList<FeedbackEntry> entries, DateTimeOffset receivedAt)
    {
        if (FilePath is null)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(Line(serviceId, receivedAt, entry)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var current = new FileInfo(FilePath);
            if (current.Exists && current.Length > 0 && current.Length + bytes.Length > maxFileBytes)
            {
                Rotate();
            }

            using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        logger.FeedbackExported(entries.Count, entries.Count == 1 ? "y" : "ies");
    }

    /// <summary>The path of the n-th rotated file: <c>feedback.n.jsonl</c> next to the current one.</summary>
    internal string Rotated(int n) =>
        Path.Combine(Path.GetDirectoryName(FilePath)!, $"{Path.GetFileNameWithoutExtension(FilePath!)}.{n.ToString(CultureInfo.InvariantCulture)}{Path.GetExtension(FilePath)}");

    private void Rotate()
    {
        if (filesKept == 0)
        {
            logger.FeedbackFileDeleted();
            File.Delete(FilePath!);
            return;
        }

        if (File.Exists(Rotated(filesKept)))
        {
            logger.OldestFeedbackFileDeleted();
            File.Delete(Rotated(filesKept));
        }

        for (var n = filesKept - 1; n >= 1; n--)
        {
            if (File.Exists(Rotated(n)))
            {
                File.Move(Rotated(n), Rotated(n + 1));
            }
        }

        File.Move(FilePath!, Rotated(1));
    }

    /// <summary>Writes one entry as one line of JSON, fields in a fixed order.</summary>
    internal static string Line(string serviceId, DateTimeOffset receivedAt, FeedbackEntry entry) =>
        JsonSerializer.Serialize(FeedbackLineJson.From(serviceId, receivedAt, entry), FeedbackJsonContext.Default.FeedbackLineJson);
}
