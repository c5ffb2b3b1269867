using CheckoutOrchestrator.Workflows;
using Temporalio.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>One dev server (real time, visibility) for API and end-to-end tests, as the dev run starts it.</summary>
public sealed class DevServerEnvironment : IAsyncLifetime
{
    private WorkflowEnvironment? env;

    public WorkflowEnvironment Env => env ?? throw new InvalidOperationException("The Temporal server did not start.");

    public string TargetHost => Env.Client.Connection.Options.TargetHost!;

    public async Task InitializeAsync()
    {
        env = await WorkflowEnvironment.StartLocalAsync(new()
        {
            DevServerOptions = new() { ExistingPath = TemporalServers.DevServerPath },
            SearchAttributes = CheckoutSearchAttributes.All,
        });
    }

    public Task DisposeAsync() => env?.ShutdownAsync() ?? Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class DevServerGroup : ICollectionFixture<DevServerEnvironment>
{
    public const string Name = "dev server";
}
