using CheckoutOrchestrator.DevHost;
using Microsoft.Extensions.Logging;

namespace CheckoutOrchestrator.Bench;

/// <summary>The dev run (dev server at TEMPORAL_CLI_PATH or the SDK's download, simulators, API, worker) on free ports, quiet.</summary>
public static class BenchDevRun
{
    /// <summary>A merchant whose request budget a load test cannot exhaust (the default is 600 a minute).</summary>
    public static DevMerchant Merchant { get; } = new("bench-shop", "cok_bench_shop_benchmark_only_key_0001", "whsec_bench_shop_benchmark_only_secret_0001") { RequestsPerMinute = 1_000_000 };

    public static string Server => Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH") is { Length: > 0 } cli ? cli : "Temporal CLI dev server (SDK download)";

    public static async Task<DevRun> StartAsync()
    {
        var settings = DevSettings.Load(DevSettings.Find(AppContext.BaseDirectory));
        (settings.Temporal.Port, settings.Temporal.UiPort, settings.Api.Port, settings.Simulators.Port) = (0, 0, 0, 0);
        var cli = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
        return await DevRun.StartAsync(new DevRunOptions(settings)
        {
            TemporalCliPath = cli is { Length: > 0 } ? cli : null,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
            Merchants = [Merchant],
        });
    }

    public static HttpClient Api(DevRun run) => Api(run.ApiUrl);

    public static HttpClient Api(Uri apiUrl)
    {
        var api = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", Merchant.ApiKey);
        return api;
    }
}
