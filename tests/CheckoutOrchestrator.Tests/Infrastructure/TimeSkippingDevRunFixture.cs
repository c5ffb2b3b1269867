using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Harness;
using Temporalio.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// The dev run on Temporal's time-skipping test server: API, worker and simulators as ever, but a
/// test can let hours pass in moments. Time stands still (follows the wall clock) unless a test lets it run.
/// </summary>
public sealed class TimeSkippingDevRunFixture : DevRunFixture
{
    private WorkflowEnvironment? env;

    /// <summary>
    /// Lets virtual time skip ahead until the condition holds, then stops it again. Tests freeze time
    /// where they need it by keeping an activity pending (e.g. a held merchant delivery).
    /// </summary>
    public Task LetTimeRunUntilAsync(Func<Task<bool>> condition) => VirtualTime.RunUntilAsync(env!, condition, TimeSpan.FromSeconds(60));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (env is not null)
        {
            await env.ShutdownAsync();
        }
    }

    protected override async Task<DevRunOptions> OptionsAsync(DevRunOptions options)
    {
        env = await WorkflowEnvironment.StartTimeSkippingAsync(new() { TestServer = new() { ExistingPath = TemporalServers.TestServerPath, StartupTimeout = DevRun.ServerStartupTimeout } });
        await CheckoutSearchAttributeRegistration.RegisterAsync(env.Client, options.Settings.Temporal.Namespace);
        return options with { ExistingTemporalAddress = env.Client.Connection.Options.TargetHost };
    }
}

[CollectionDefinition(Name)]
public sealed class TimeSkippingDevRunGroup : ICollectionFixture<TimeSkippingDevRunFixture>
{
    public const string Name = "time-skipping dev run";
}
