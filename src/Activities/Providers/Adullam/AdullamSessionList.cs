namespace CheckoutOrchestrator.Providers.Adullam;

/// <summary>
/// Finds one session in Adullam's account-wide checkout list, which pages by offset and documents no
/// order. The first page tells the order (newest or oldest first) from its created_at values; the
/// session's own created_at then steers a binary search over the pages, so an account with thousands
/// of sessions costs about log2(pages) + 3 requests, whichever way it is sorted. Without a creation
/// time or a recognisable order it falls back to reading the first pages in turn.
/// </summary>
public static class AdullamSessionList
{
    private const int MaxProbes = 24;

    public static async Task<AdullamCheckoutSession?> FindAsync(
        Func<int, Task<AdullamCheckoutPage>> pageAtOffset, string sessionId, DateTimeOffset? createdAt, int pageSize, int maxLinearPages)
    {
        var first = await pageAtOffset(0);
        if (Match(first, sessionId) is { } found)
        {
            return found;
        }

        var total = first.TotalCount ?? 0;
        var pages = (total + pageSize - 1) / pageSize;
        var newestFirst = NewestFirst(first);
        if (createdAt is not { } target || newestFirst is not { } descending)
        {
            return await ScanAsync(pageAtOffset, sessionId, pageSize, first, maxLinearPages);
        }

        var visited = new HashSet<int> { 0 };
        var (low, high) = (1, pages - 1);
        for (var probes = 0; low <= high && probes < MaxProbes; probes++)
        {
            var middle = (low + high) / 2;
            var page = await pageAtOffset(middle * pageSize);
            visited.Add(middle);
            if (Match(page, sessionId) is { } match)
            {
                return match;
            }

            var times = page.Sessions?.Select(s => s.CreatedAt).OfType<DateTimeOffset>().ToList() ?? [];
            if (times.Count == 0)
            {
                high = middle - 1;
                continue;
            }

            var newerThanPage = target > times.Max();
            var olderThanPage = target < times.Min();
            if (newerThanPage || olderThanPage)
            {
                // Newer sessions sit at lower offsets when the list is newest-first, at higher ones otherwise.
                var towardStart = newerThanPage == descending;
                (low, high) = towardStart ? (low, middle - 1) : (middle + 1, high);
                continue;
            }

            // Within this page's time span but not on it: equal times, or sessions created meanwhile
            // shifted it by a few places. Its neighbours settle it.
            foreach (var neighbour in new[] { middle - 1, middle + 1 }.Where(n => n >= 0 && n < pages && visited.Add(n)))
            {
                if (Match(await pageAtOffset(neighbour * pageSize), sessionId) is { } shifted)
                {
                    return shifted;
                }
            }

            return null;
        }

        return null;
    }

    private static async Task<AdullamCheckoutSession?> ScanAsync(
        Func<int, Task<AdullamCheckoutPage>> pageAtOffset, string sessionId, int pageSize, AdullamCheckoutPage first, int maxPages)
    {
        var page = first;
        for (var read = 1; read < maxPages && page.HasMore == true; read++)
        {
            page = await pageAtOffset(page.NextOffset ?? read * pageSize);
            if (Match(page, sessionId) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static AdullamCheckoutSession? Match(AdullamCheckoutPage page, string sessionId) =>
        page.Sessions?.FirstOrDefault(s => s.Id == sessionId);

    /// <summary>True when the page runs from newest to oldest, false the other way, null when it cannot tell.</summary>
    private static bool? NewestFirst(AdullamCheckoutPage page)
    {
        var times = page.Sessions?.Select(s => s.CreatedAt).OfType<DateTimeOffset>().ToList() ?? [];
        return times.Count >= 2 && times[0] != times[^1] ? times[0] > times[^1] : null;
    }
}
