namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Sends held word of progress on its own once it has waited its time, and everything still held
/// when the API stops cleanly, so a held callback reaches its checkout's history whatever comes next.
/// </summary>
public sealed class ProgressHoldRelease : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly ProgressHold hold;
    private readonly CallbackRelay relay;
    private readonly TimeProvider time;
    private readonly ILogger<ProgressHoldRelease> logger;

    public ProgressHoldRelease(ProgressHold hold, CallbackRelay relay, TimeProvider time, ILogger<ProgressHoldRelease> logger)
    {
        this.hold = hold;
        this.relay = relay;
        this.time = time;
        this.logger = logger;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ReleaseAsync(hold.Due(all: true), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReleaseAsync(hold.Due(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync sends what is left.
        }
    }

    private async Task ReleaseAsync(IReadOnlyList<string> checkoutIds, CancellationToken cancellationToken)
    {
        foreach (var checkoutId in checkoutIds)
        {
            try
            {
                await relay.SendHeldAsync(checkoutId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Held again by the relay: the next tick tries once more.
                logger.LogWarning(ex, "Held provider callbacks for checkout {CheckoutId} could not be sent yet", checkoutId);
            }
        }
    }
}
