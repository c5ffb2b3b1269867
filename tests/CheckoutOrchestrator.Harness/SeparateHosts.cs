using System.Reflection;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Simulators.LakiPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Temporalio.Client;
using Temporalio.Testing;

namespace CheckoutOrchestrator.Harness;

/// <summary>
/// The whole system with each host on its own: a Temporal dev server (TEMPORAL_CLI_PATH, else the
/// SDK's download) or the cluster TEMPORAL_ADDRESS names, the simulators in this process, and the API
/// and the worker as processes of their own built from the repository — so a run can kill them, or
/// read what each one spends.
/// </summary>
public sealed class SeparateHosts : IAsyncDisposable
{
    private readonly SeparateHostsOptions options;
    private WorkflowEnvironment? temporal;
    private WebApplication? simulators;

    private SeparateHosts(SeparateHostsOptions options)
    {
        this.options = options;
    }

    public Uri ApiUrl { get; private set; } = null!;

    public Uri SimulatorUrl { get; private set; } = null!;

    /// <summary>The worker's health port (/health/ready details its providers and its workflow cache).</summary>
    public Uri WorkerUrl { get; private set; } = null!;

    public ITemporalClient Temporal { get; private set; } = null!;

    public string TemporalServer { get; private set; } = string.Empty;

    public ChildHost Api { get; private set; } = null!;

    public ChildHost Worker { get; private set; } = null!;

    /// <param name="workerSettings">Settings (or DOTNET_ runtime variables) the worker gets on top of the dev ones.</param>
    public static Task<SeparateHosts> StartAsync(string logFolder, DevMerchant merchant, IReadOnlyDictionary<string, string?>? workerSettings = null) =>
        StartAsync(logFolder, new SeparateHostsOptions([merchant]) { WorkerSettings = workerSettings ?? new Dictionary<string, string?>() });

    public static async Task<SeparateHosts> StartAsync(string logFolder, SeparateHostsOptions options)
    {
        var stack = new SeparateHosts(options);
        await stack.StartPartsAsync(logFolder);
        return stack;
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }

        if (simulators is not null)
        {
            await simulators.StopAsync();
            await simulators.DisposeAsync();
        }

        if (temporal is not null)
        {
            await temporal.ShutdownAsync();
        }
    }

    /// <summary>A host's build output in this repository, in the configuration this runner was built in.</summary>
    private static string HostDll(string project)
    {
        var configuration = typeof(SeparateHosts).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CheckoutOrchestrator.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new DirectoryNotFoundException("Run from a build inside the repository.");
        }

        var dll = Path.Combine(root.FullName, "src", project, "bin", configuration, "net10.0", $"CheckoutOrchestrator.{project}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: no {dll}.");
    }

    private async Task StartPartsAsync(string logFolder)
    {
        var dev = DevSettings.Load(DevSettings.Find(AppContext.BaseDirectory));
        string address;
        if (Environment.GetEnvironmentVariable("TEMPORAL_ADDRESS") is { Length: > 0 } given)
        {
            address = given;
            TemporalServer = $"given cluster at {given}";
        }
        else
        {
            var cli = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
            address = $"127.0.0.1:{DevRun.FreePort()}";
            temporal = await WorkflowEnvironment.StartLocalAsync(new()
            {
                TargetHost = address,
                Namespace = dev.Temporal.Namespace,
                SearchAttributes = dev.Temporal.SearchAttributeKeys(),
                DevServerOptions = new() { ExistingPath = cli is { Length: > 0 } ? cli : null, ExtraArgs = [.. options.TemporalArgs], StartupTimeout = DevRun.ServerStartupTimeout },
            });
            TemporalServer = cli is { Length: > 0 } ? $"dev server {cli} (offline stand-in if built from ../shared)" : "Temporal CLI dev server (SDK download)";
        }

        Temporal = await TemporalClient.ConnectAsync(new(address) { Namespace = dev.Temporal.Namespace });

        simulators = SimulatorApp.Create([], builder =>
        {
            builder.Configuration.Sources.Clear();
            var simulatorSettings = options.Merchants.ToDictionary(m => $"Simulators:MerchantSecrets:{m.Id}:0", m => (string?)m.NotificationSecret);
            simulatorSettings["Urls"] = $"http://127.0.0.1:{DevRun.FreePort()}";
            builder.Configuration.AddInMemoryCollection(simulatorSettings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await simulators.StartAsync();
        SimulatorUrl = new Uri(simulators.Urls.First());

        ApiUrl = new Uri($"http://127.0.0.1:{DevRun.FreePort()}");
        var settings = LocalHostSettings.For(
            SimulatorUrl,
            ApiUrl,
            simulators.Services.GetRequiredService<LakiPaySigningKey>().PublicKeyPem,
            address,
            dev.Temporal,
            options.Merchants,
            new Uri($"http://127.0.0.1:{dev.Temporal.UiPort}"));
        settings["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in options.HostSettings)
        {
            settings[key] = value;
        }

        WorkerUrl = new Uri($"http://127.0.0.1:{DevRun.FreePort()}");
        var worker = new Dictionary<string, string?>(settings) { ["Urls"] = WorkerUrl.AbsoluteUri };
        foreach (var (key, value) in options.WorkerSettings)
        {
            worker[key] = value;
        }

        Worker = new ChildHost("worker", HostDll("Worker"), worker, WorkerUrl, Path.Combine(logFolder, "worker.log"));
        Api = new ChildHost("api", HostDll("Api"), new Dictionary<string, string?>(settings) { ["Urls"] = ApiUrl.AbsoluteUri }, ApiUrl, Path.Combine(logFolder, "api.log"));
        await Worker.StartAsync();
        await Api.StartAsync();
        await AdullamWebhookSetup.RegisterAsync(SimulatorUrl, new Uri(ApiUrl, "webhooks/adullam"));
    }
}
