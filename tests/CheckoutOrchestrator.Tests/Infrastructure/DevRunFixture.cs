using CheckoutOrchestrator.DevHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Temporalio.Client;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// The dev run itself (dev server, simulators, API, worker) on free ports, configured from the
/// repository's temporal-dev.yaml: API and end-to-end tests drive it over real HTTP.
/// </summary>
public sealed class DevRunFixture : IAsyncLifetime
{
    private DevRun? run;

    public DevRun Run => run ?? throw new InvalidOperationException("The dev run did not start.");

    public HttpClient Api { get; private set; } = null!;

    /// <summary>The simulators: fault switches, counters, and the customer's browser on their pages.</summary>
    public SimulatorControl Simulators { get; private set; } = null!;

    public ITemporalClient Temporal => Run.ApiServices.GetRequiredService<ITemporalClient>();

    public async Task InitializeAsync()
    {
        var settings = DevSettings.Load(DevSettings.Find(AppContext.BaseDirectory));
        settings.Temporal.Port = 0;
        settings.Temporal.UiPort = 0;
        settings.Api.Port = 0;
        settings.Simulators.Port = 0;
        run = await DevRun.StartAsync(new DevRunOptions(settings)
        {
            TemporalCliPath = TemporalServers.DevServerPath,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        });
        Api = new HttpClient { BaseAddress = run.ApiUrl };
        Simulators = new SimulatorControl(run.SimulatorUrl);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        Simulators?.Dispose();
        if (run is not null)
        {
            await run.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DevRunGroup : ICollectionFixture<DevRunFixture>
{
    public const string Name = "dev run";
}
