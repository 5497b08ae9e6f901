namespace AsMassageAdvisor.CdsHooks.FhirServer;

/// <summary>
/// The limits of the fetch of one hook call: bytes per page, pages per search and bytes in all. The total
/// is shared by every key fetched in parallel for the call.
/// </summary>
internal sealed class FetchLimits(long maxPageBytes, int maxPages, long maxTotalBytes)
{
    private long used;

    /// <summary>The most bytes one answer may have.</summary>
    public long MaxPageBytes { get; } = maxPageBytes;

    /// <summary>The most pages of one search.</summary>
    public int MaxPages { get; } = maxPages;

    /// <summary>The most bytes of the whole call.</summary>
    public long MaxTotalBytes { get; } = maxTotalBytes;

    /// <summary>The bytes the call may still read.</summary>
    public long Remaining => MaxTotalBytes - Interlocked.Read(ref used);

    /// <summary>Counts bytes read; false when they go over the total.</summary>
    /// <param name="bytes">The bytes just read.</param>
    /// <returns>Whether the total still holds.</returns>
    public bool TryTake(long bytes) => Interlocked.Add(ref used, bytes) <= MaxTotalBytes;
}
