using System.Net;
using System.Net.Sockets;
using CheckoutOrchestrator.Api;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Simulators.LakiPay;
using CheckoutOrchestrator.Worker;
using Temporalio.Testing;

namespace CheckoutOrchestrator.DevHost;

/// <summary>
/// The whole product on one machine: a Temporal dev server (unless a cluster address is given),
/// the provider simulators, the API and the worker, wired to each other. The dev run and the
/// end-to-end tests both start exactly this.
/// </summary>
public sealed class DevRun : IAsyncDisposable
{
    /// <summary>Dev-only: the real key comes from a secret store.</summary>
    public const string DevSigningKey = "development-only-callback-signing-key-0123456789";

    /// <summary>Dev-only: the key that makes checkout ids; the real one comes from a secret store.</summary>
    public const string DevCheckoutIdKey = "development-only-checkout-id-key-0123456789abcdef";

    /// <summary>Dev-only: the payload key API and worker share; production keys come from a secret store.</summary>
    public const string DevPayloadKey = "ZGV2ZWxvcG1lbnQtb25seS1wYXlsb2FkLWtleS0zMmI=";

    /// <summary>Dev-only: the token Temporal UI or the CLI presents to the codec endpoints.</summary>
    public const string DevOperatorToken = "development-only-operator-token";

    /// <summary>Who the development operator token is, as a review resolution records it.</summary>
    public const string DevOperatorName = "dev-operator";

    /// <summary>How long an embedded Temporal server may take to start: the SDK's 5 s is missed on a loaded 2-core machine.</summary>
    public static readonly TimeSpan ServerStartupTimeout = TimeSpan.FromMinutes(1);

    private readonly List<IAsyncDisposable> parts = [];
    private WorkflowEnvironment? temporal;

    private DevRun()
    {
    }

    public Uri ApiUrl { get; private set; } = null!;

    public Uri SimulatorUrl { get; private set; } = null!;

    public string TemporalAddress { get; private set; } = null!;

    public string Namespace { get; private set; } = null!;

    /// <summary>Temporal UI, when the dev server serves one (the real CLI does; the offline stand-in does not).</summary>
    public Uri? TemporalUiUrl { get; private set; }

    public IServiceProvider ApiServices { get; private set; } = null!;

    /// <summary>The worker's health endpoints.</summary>
    public Uri WorkerUrl { get; private set; } = null!;

    public IServiceProvider WorkerServices { get; private set; } = null!;

    public IReadOnlyList<DevMerchant> Merchants { get; private set; } = [];

    /// <summary>The developer's own receiver the development merchant's events go to, if one was named.</summary>
    public Uri? ForwardEventsTo { get; private set; }

    public static async Task<DevRun> StartAsync(DevRunOptions options, CancellationToken cancellationToken = default)
    {
        var run = new DevRun();
        try
        {
            await run.StartPartsAsync(options, cancellationToken);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            // Stopped first, as a deployment stops them: background work ends cleanly (the API sends the progress it held).
            if (parts[i] is IHost host)
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await host.StopAsync(stopping.Token);
            }

            await parts[i].DisposeAsync();
        }

        if (temporal is not null)
        {
            await temporal.ShutdownAsync();
        }
    }

    private static int PortOrFree(int port) => port != 0 ? port : FreePort();

    private static async Task<bool> IsListeningAsync(Uri url)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(url.Host, url.Port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task StartPartsAsync(DevRunOptions options, CancellationToken cancellationToken)
    {
        var temporalSettings = options.Settings.Temporal;
        Namespace = temporalSettings.Namespace;
        if (options.ExistingTemporalAddress is { } address)
        {
            TemporalAddress = address;
        }
        else
        {
            await StartTemporalAsync(options);
        }

        // Each part gets exactly the configuration below: appsettings files of the separately run
        // hosts land in this output folder too and must not leak in.
        var simulators = SimulatorApp.Create([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = $"http://127.0.0.1:{PortOrFree(options.Settings.Simulators.Port)}" });
            builder.Configuration.AddInMemoryCollection(options.Merchants.Select(m =>
                KeyValuePair.Create($"Simulators:MerchantSecrets:{m.Id}:0", (string?)m.NotificationSecret)));
            options.ConfigureLogging?.Invoke(builder.Logging);
        });
        parts.Add(simulators);
        await simulators.StartAsync(cancellationToken);
        SimulatorUrl = new Uri(simulators.Urls.First());

        ApiUrl = new Uri($"http://127.0.0.1:{PortOrFree(options.Settings.Api.Port)}");
        var settings = LocalHostSettings.For(
            SimulatorUrl,
            ApiUrl,
            simulators.Services.GetRequiredService<LakiPaySigningKey>().PublicKeyPem,
            TemporalAddress,
            temporalSettings,
            options.Merchants,
            TemporalUiUrl ?? new Uri($"http://127.0.0.1:{temporalSettings.UiPort}"),
            options.ForwardEventsTo);
        foreach (var (key, value) in options.HostSettings)
        {
            settings[key] = value;
        }

        Merchants = options.Merchants;
        ForwardEventsTo = options.ForwardEventsTo;

        var api = CheckoutApiApp.Create([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = ApiUrl.AbsoluteUri });
            options.ConfigureLogging?.Invoke(builder.Logging);
        });
        parts.Add(api);
        await api.StartAsync(cancellationToken);
        ApiServices = api.Services;

        WorkerUrl = new Uri($"http://127.0.0.1:{PortOrFree(0)}");
        var worker = CheckoutWorkerApp.Create([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = WorkerUrl.AbsoluteUri });
            options.ConfigureLogging?.Invoke(builder.Logging);
        });
        parts.Add(worker);
        await worker.StartAsync(cancellationToken);
        WorkerServices = worker.Services;

        await AdullamWebhookSetup.RegisterAsync(SimulatorUrl, new Uri(ApiUrl, "webhooks/adullam"), cancellationToken);
    }

    private async Task StartTemporalAsync(DevRunOptions options)
    {
        var settings = options.Settings.Temporal;
        var port = PortOrFree(settings.Port);
        var uiPort = PortOrFree(settings.UiPort);
        temporal = await WorkflowEnvironment.StartLocalAsync(new()
        {
            TargetHost = $"127.0.0.1:{port}",
            Namespace = settings.Namespace,
            UI = true,
            UIPort = uiPort,
            SearchAttributes = settings.SearchAttributeKeys(),
            DevServerOptions = new() { ExistingPath = options.TemporalCliPath, ExtraArgs = [.. options.TemporalArgs], StartupTimeout = ServerStartupTimeout },
        });
        TemporalAddress = $"127.0.0.1:{port}";
        var ui = new Uri($"http://127.0.0.1:{uiPort}");
        TemporalUiUrl = await IsListeningAsync(ui) ? ui : null;
    }
}
