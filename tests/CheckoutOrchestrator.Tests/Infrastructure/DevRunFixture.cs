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
public class DevRunFixture : IAsyncLifetime
{
    private DevRun? run;

    /// <summary>A second merchant, whose key must never reach the first one's checkouts.</summary>
    public static DevMerchant OtherShop { get; } = new("other-shop", "cok_other_shop_test_only_key_0002", "whsec_other_shop_test_only_secret_0002");

    /// <summary>A merchant allowed three requests a minute, to meet the rate limiter.</summary>
    public static DevMerchant LimitedShop { get; } = new("limited-shop", "cok_limited_shop_test_only_key_0003", "whsec_limited_shop_test_only_secret_0003") { RequestsPerMinute = 3 };

    /// <summary>How long word of progress waits here for the next callback: long enough to see it wait, short enough to see it sent alone.</summary>
    public static TimeSpan ProgressHold { get; } = TimeSpan.FromSeconds(5);

    public DevRun Run => run ?? throw new InvalidOperationException("The dev run did not start.");

    /// <summary>The API as the development merchant's backend calls it: with its key.</summary>
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
        run = await DevRun.StartAsync(await OptionsAsync(new DevRunOptions(settings)
        {
            TemporalCliPath = TemporalServers.DevServerPath,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
            Merchants = [DevMerchant.Shop, OtherShop, LimitedShop],
            HostSettings = new Dictionary<string, string?> { ["Webhooks:ProgressHold"] = ProgressHold.ToString("c", System.Globalization.CultureInfo.InvariantCulture) },
        }));
        Api = ApiAs(DevMerchant.Shop.ApiKey);
        Simulators = new SimulatorControl(run.SimulatorUrl);
    }

    /// <summary>An API client presenting this key, or none.</summary>
    public HttpClient ApiAs(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Run.ApiUrl };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    public virtual async Task DisposeAsync()
    {
        Api?.Dispose();
        Simulators?.Dispose();
        if (run is not null)
        {
            await run.DisposeAsync();
        }
    }

    /// <summary>How this fixture's dev run differs from the default one (e.g. which Temporal it uses).</summary>
    protected virtual Task<DevRunOptions> OptionsAsync(DevRunOptions options) => Task.FromResult(options);
}

[CollectionDefinition(Name)]
public sealed class DevRunGroup : ICollectionFixture<DevRunFixture>
{
    public const string Name = "dev run";
}
