using System.Collections.Concurrent;
using System.Threading.Channels;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Telemetry;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Callbacks whose provider ids found no checkout at their first, inline search: a provider may call
/// back before a checkout seconds old has written its ids to visibility, which lags. Each set of ids
/// waits here once, however many bodies name it (the first body's event is kept: any of them buys the
/// same lookup), and is searched again <see cref="SearchAgainAfter"/>.Length times: a body costs at
/// most 1 + that many visibility queries, fewer when bodies repeat ids. The queue is bounded; every
/// drop is counted (checkout.webhook.unmatched.dropped) and logged. A genuine callback is searched
/// inline before anything waits here, so a flood only ever delays one for a checkout seconds old.
/// </summary>
public sealed class UnmatchedCallbacks : BackgroundService
{
    public const int Capacity = 1_024;

    /// <summary>After the inline search: long enough for visibility to catch up with a new checkout.</summary>
    public static readonly TimeSpan[] SearchAgainAfter = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<string, byte> waiting = new(StringComparer.Ordinal);
    private readonly CallbackRelay relay;
    private readonly TimeProvider time;
    private readonly ILogger<UnmatchedCallbacks> logger;

    public UnmatchedCallbacks(CallbackRelay relay, TimeProvider time, ILogger<UnmatchedCallbacks> logger)
    {
        this.relay = relay;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Sets of ids still waiting to be searched again.</summary>
    public int Waiting => waiting.Count;

    public void SearchAgainLater(PaymentProvider provider, IReadOnlyList<string> sessionKeys, ProviderEvent providerEvent)
    {
        var keys = SessionKeySearch.UsableOf(sessionKeys);
        var id = $"{provider.ToSlug()}|{string.Join('|', keys)}";
        if (keys.Count == 0 || !waiting.TryAdd(id, 0))
        {
            return;
        }

        if (!queue.Writer.TryWrite(new(id, provider, keys, providerEvent, 0, time.GetUtcNow() + SearchAgainAfter[0])))
        {
            waiting.TryRemove(id, out _);
            Dropped(provider, "the queue is full");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pending in queue.Reader.ReadAllAsync(stoppingToken))
            {
                var wait = pending.Due - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }

                await SearchAsync(pending, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Dropped(PaymentProvider provider, string why)
    {
        CallbackInstruments.UnmatchedDrop(provider);
        logger.LogWarning("Dropped a {Provider} callback whose ids found no checkout: {Why} ({Capacity} wait at most)", provider, why, Capacity);
    }

    private async Task SearchAsync(Pending pending, CancellationToken stoppingToken)
    {
        var found = 0;
        try
        {
            found = await relay.RelayBySessionKeysAsync(pending.Provider, pending.SessionKeys, pending.Event, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not search again for a {Provider} callback's checkout", pending.Provider);
        }

        var next = pending.Searches + 1;
        if (found > 0 || next >= SearchAgainAfter.Length)
        {
            waiting.TryRemove(pending.Id, out _);
            if (found == 0)
            {
                logger.LogInformation("A {Provider} callback found no checkout after {Searches} searches", pending.Provider, next + 1);
            }
        }
        else if (!queue.Writer.TryWrite(pending with { Searches = next, Due = time.GetUtcNow() + SearchAgainAfter[next] }))
        {
            waiting.TryRemove(pending.Id, out _);
            Dropped(pending.Provider, "the queue is full for a search again");
        }
    }

    private sealed record Pending(string Id, PaymentProvider Provider, IReadOnlyList<string> SessionKeys, ProviderEvent Event, int Searches, DateTimeOffset Due);
}
