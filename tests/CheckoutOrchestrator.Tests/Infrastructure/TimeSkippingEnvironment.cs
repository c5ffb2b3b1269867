using CheckoutOrchestrator.DevHost;
using Temporalio.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>One time-skipping test server for all workflow tests: a 30-minute expiry passes in moments.</summary>
public sealed class TimeSkippingEnvironment : IAsyncLifetime
{
    private WorkflowEnvironment? env;

    public WorkflowEnvironment Env => env ?? throw new InvalidOperationException("The Temporal server did not start.");

    public async Task InitializeAsync()
    {
        env = await WorkflowEnvironment.StartTimeSkippingAsync(new()
        {
            TestServer = new() { ExistingPath = TemporalServers.TestServerPath, StartupTimeout = DevRun.ServerStartupTimeout },
        });
        await CheckoutSearchAttributeRegistration.RegisterAsync(Env.Client, Env.Client.Options.Namespace);
    }

    public Task DisposeAsync() => env?.ShutdownAsync() ?? Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class TimeSkippingServerGroup : ICollectionFixture<TimeSkippingEnvironment>
{
    public const string Name = "time-skipping server";
}
