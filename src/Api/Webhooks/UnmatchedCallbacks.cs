using System.Threading.Channels;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Callbacks whose provider ids found no checkout yet: a provider may call back before the checkout
/// has written its ids to visibility, which lags. They are searched again a few times in the
/// background, so the endpoint answers at once and a forger cannot hold requests open. The queue is
/// bounded: when it is full a callback is dropped, which loses nothing a status lookup will not find.
/// </summary>
public sealed class UnmatchedCallbacks : BackgroundService
{
    private const int Capacity = 1_024;

    /// <summary>Delays after the first search; the last search is about four seconds after the callback.</summary>
    private static readonly TimeSpan[] SearchAgainAfter = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CallbackRelay relay;
    private readonly TimeProvider time;
    private readonly ILogger<UnmatchedCallbacks> logger;

    public UnmatchedCallbacks(CallbackRelay relay, TimeProvider time, ILogger<UnmatchedCallbacks> logger)
    {
        this.relay = relay;
        this.time = time;
        this.logger = logger;
    }

    public void SearchAgainLater(PaymentProvider provider, IReadOnlyList<string> sessionKeys, ProviderEvent providerEvent)
    {
        if (!queue.Writer.TryWrite(new(provider, sessionKeys, providerEvent, 0, time.GetUtcNow() + SearchAgainAfter[0])))
        {
            logger.LogWarning("Dropped a {Provider} callback that found no checkout: {Capacity} are already waiting", provider, Capacity);
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

    private async Task SearchAsync(Pending pending, CancellationToken stoppingToken)
    {
        try
        {
            var found = await relay.RelayBySessionKeysAsync(pending.Provider, pending.SessionKeys, pending.Event, stoppingToken);
            var next = pending.Searches + 1;
            if (found == 0 && next < SearchAgainAfter.Length)
            {
                queue.Writer.TryWrite(pending with { Searches = next, Due = time.GetUtcNow() + SearchAgainAfter[next] });
            }
            else if (found == 0)
            {
                logger.LogInformation("A {Provider} callback found no checkout after {Searches} searches", pending.Provider, next + 1);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not search again for a {Provider} callback's checkout", pending.Provider);
        }
    }

    private sealed record Pending(PaymentProvider Provider, IReadOnlyList<string> SessionKeys, ProviderEvent Event, int Searches, DateTimeOffset Due);
}
