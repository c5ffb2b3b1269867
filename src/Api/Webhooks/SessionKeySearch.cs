using System.Collections.Concurrent;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Telemetry;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Finds the checkouts a callback's provider ids name: one visibility query per body for all the plain
/// ids it carries (at most <see cref="MaxKeys"/>), shared by every body naming the same ids within a
/// second. A flood of bodies costs at most one query each, and fewer when they repeat ids.
/// </summary>
public sealed class SessionKeySearch
{
    public const int MaxCheckoutsPerKey = 5;
    public const int MaxKeys = 5;
    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (Task<IReadOnlyList<string>> Search, DateTimeOffset At)> recent = new(StringComparer.Ordinal);
    private readonly ITemporalClient client;
    private readonly TimeProvider time;
    private long searches;

    public SessionKeySearch(ITemporalClient client, TimeProvider time)
    {
        this.client = client;
        this.time = time;
    }

    /// <summary>How many visibility queries this instance has made.</summary>
    public long Searches => Interlocked.Read(ref searches);

    /// <summary>The ids a search uses: plain ids only (they come from an unauthenticated payload), in order, at most <see cref="MaxKeys"/>.</summary>
    public static IReadOnlyList<string> UsableOf(IReadOnlyList<string> sessionKeys) => [.. sessionKeys.Where(IsPlainId).Distinct(StringComparer.Ordinal).Take(MaxKeys)];

    public Task<IReadOnlyList<string>> FindAsync(PaymentProvider provider, IReadOnlyList<string> sessionKeys)
    {
        var keys = UsableOf(sessionKeys);
        if (keys.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var now = time.GetUtcNow();
        var id = $"{provider.ToSlug()}|{string.Join('|', keys)}";
        if (recent.TryGetValue(id, out var known) && now - known.At < Fresh)
        {
            return known.Search;
        }

        if (recent.Count > MaxRemembered)
        {
            foreach (var (stale, at) in recent.Select(r => (r.Key, r.Value.At)).Where(r => now - r.At >= Fresh).ToList())
            {
                recent.TryRemove(stale, out _);
            }
        }

        var search = SearchAsync(provider, keys);
        recent[id] = (search, now);
        return search;
    }

    private static bool IsPlainId(string key) =>
        key.Length is > 0 and <= 128 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':');

    /// <summary>Not bound to one caller's request: every body naming the id waits for the same answer.</summary>
    private async Task<IReadOnlyList<string>> SearchAsync(PaymentProvider provider, IReadOnlyList<string> keys)
    {
        Interlocked.Increment(ref searches);
        CallbackInstruments.SessionKeySearch(provider);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var anyKey = string.Join(" OR ", keys.Select(k => $"{CheckoutSearchAttributes.ProviderKeys.Name} = '{k}'"));
        var query = $"({anyKey}) AND {CheckoutSearchAttributes.Provider.Name} = '{provider.ToSlug()}' AND WorkflowType = '{nameof(CheckoutWorkflow)}'";
        var found = new List<string>();
        await foreach (var execution in client.ListWorkflowsAsync(query, new() { Limit = MaxCheckoutsPerKey, Rpc = new() { CancellationToken = timeout.Token } }))
        {
            found.Add(execution.Id);
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }
}
