using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Temporalio.Extensions.Hosting;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>What an operator sets in section "Worker" reaches the Temporal workers the process runs.</summary>
public sealed class WorkerTuningTests
{
    private static readonly Lazy<string> LakiPayKey = new(() =>
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return rsa.ExportSubjectPublicKeyInfoPem();
    });

    [Fact]
    public async Task Configured_limits_reach_both_workers_and_Adullam_gets_the_server_side_rate_limit()
    {
        await using var app = WorkerApp(new()
        {
            ["Worker:MaxConcurrentActivities"] = "64",
            ["Worker:MaxConcurrentWorkflowTasks"] = "32",
            ["Worker:MaxCachedWorkflows"] = "500",
            ["Worker:GracefulShutdownTimeout"] = "00:00:12",
            ["Worker:ProviderCallsPerSecond:adullam"] = "0.5",
            ["Temporal:TaskQueue"] = "payments",
        });

        var checkouts = WorkerOptions(app, "payments");
        var adullam = WorkerOptions(app, "payments-adullam");
        var lanes = new[] { "payments-adullam", "payments-adullam-lookups", "payments-adullam-hints" }.Select(q => WorkerOptions(app, q).MaxTaskQueueActivitiesPerSecond!.Value).ToList();

        Assert.Equal((64, 32, 500, TimeSpan.FromSeconds(12)), (checkouts.MaxConcurrentActivities, checkouts.MaxConcurrentWorkflowTasks, checkouts.MaxCachedWorkflows, checkouts.GracefulShutdownTimeout));
        Assert.Null(checkouts.MaxTaskQueueActivitiesPerSecond);
        Assert.Equal(0.5, lanes.Sum(), precision: 9);
        Assert.Equal([0.3, 0.15, 0.05], lanes.Select(rate => Math.Round(rate, 9)));
        Assert.Equal(64, adullam.MaxConcurrentActivities);
        Assert.Empty(adullam.Workflows);
        Assert.NotEmpty(adullam.Activities);
    }

    [Fact]
    public async Task Without_configuration_the_defaults_keep_Adullam_inside_its_hourly_limit()
    {
        await using var app = WorkerApp([]);

        var adullam = new[] { "-adullam", "-adullam-lookups", "-adullam-hints" }
            .Sum(lane => WorkerOptions(app, TemporalSettings.DefaultTaskQueue + lane).MaxTaskQueueActivitiesPerSecond!.Value);

        Assert.True(adullam * 3600 < 1000, "Adullam documents 1000 requests an hour, all lanes together.");
        Assert.Equal(TimeSpan.FromSeconds(20), WorkerOptions(app, TemporalSettings.DefaultTaskQueue).GracefulShutdownTimeout);
    }

    [Fact]
    public async Task An_impossible_setting_stops_the_worker_at_start()
    {
        await using var app = WorkerApp(new() { ["Worker:MaxConcurrentActivities"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("MaxConcurrentActivities", error.Message, StringComparison.Ordinal);
    }

    private static TemporalWorkerServiceOptions WorkerOptions(WebApplication app, string taskQueue) =>
        app.Services.GetRequiredService<IOptionsMonitor<TemporalWorkerServiceOptions>>()
            .Get(taskQueue); // the hosting package names a worker's options by its task queue

    private static WebApplication WorkerApp(Dictionary<string, string?> settings) => CheckoutWorkerApp.Create([], builder =>
    {
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(SimulatorClientSettings.For(new Uri("http://127.0.0.1:9"), new Uri("http://127.0.0.1:9"), DevRun.DevSigningKey, LakiPayKey.Value));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PayloadEncryption:Keys:k"] = DevRun.DevPayloadKey,
            ["PayloadEncryption:EncryptWith"] = "k",
            ["Urls"] = "http://127.0.0.1:0",
        });
        builder.Configuration.AddInMemoryCollection(settings);
    });
}
