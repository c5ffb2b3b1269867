using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Exceptions;
using Temporalio.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>One time-skipping test server for all workflow tests: a 30-minute expiry passes in moments.</summary>
public sealed class TimeSkippingEnvironment : IAsyncLifetime
{
    private WorkflowEnvironment? env;

    public WorkflowEnvironment Env => env ?? throw new InvalidOperationException("The Temporal server did not start.");

    /// <summary>Registers the checkout search attributes, as temporal-dev.yaml does for the dev server.</summary>
    public static async Task RegisterSearchAttributesAsync(WorkflowEnvironment env, string? @namespace = null)
    {
        var request = new AddSearchAttributesRequest { Namespace = @namespace ?? env.Client.Options.Namespace };
        foreach (var key in CheckoutSearchAttributes.All)
        {
            request.SearchAttributes[key.Name] = (IndexedValueType)key.ValueType;
        }

        try
        {
            await env.Client.Connection.OperatorService.AddSearchAttributesAsync(request);
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.AlreadyExists)
        {
            // Registered by an earlier run against the same server.
        }
    }

    public async Task InitializeAsync()
    {
        env = await WorkflowEnvironment.StartTimeSkippingAsync(new()
        {
            TestServer = new() { ExistingPath = TemporalServers.TestServerPath },
        });
        await RegisterSearchAttributesAsync(Env);
    }

    public Task DisposeAsync() => env?.ShutdownAsync() ?? Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class TimeSkippingServerGroup : ICollectionFixture<TimeSkippingEnvironment>
{
    public const string Name = "time-skipping server";
}
