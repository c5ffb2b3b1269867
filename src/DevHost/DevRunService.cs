namespace CheckoutOrchestrator.DevHost;

/// <summary>Runs the <see cref="DevRun"/> under the generic host, so Ctrl+C and SIGTERM stop every part cleanly.</summary>
public sealed class DevRunService : IHostedService
{
    private readonly DevRunOptions options;
    private readonly string settingsPath;
    private DevRun? run;

    public DevRunService(DevRunOptions options, string settingsPath)
    {
        this.options = options;
        this.settingsPath = settingsPath;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"Starting CheckoutOrchestrator from {settingsPath} ...");
        run = await DevRun.StartAsync(options, cancellationToken);
        Console.WriteLine(DevRunBanner.For(run));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (run is not null)
        {
            Console.WriteLine("Stopping ...");
            await run.DisposeAsync();
        }
    }
}
