using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.DevHost;

/// <summary>
/// Registers the checkout search attributes on a server started without temporal-dev.yaml's list
/// (the time-skipping test server); the dev server gets them at launch.
/// </summary>
public static class CheckoutSearchAttributeRegistration
{
    public static async Task RegisterAsync(ITemporalClient client, string @namespace)
    {
        var request = new AddSearchAttributesRequest { Namespace = @namespace };
        foreach (var key in CheckoutSearchAttributes.All)
        {
            request.SearchAttributes[key.Name] = (IndexedValueType)key.ValueType;
        }

        try
        {
            await client.Connection.OperatorService.AddSearchAttributesAsync(request);
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.AlreadyExists)
        {
            // Registered by an earlier run against the same server.
        }
    }
}
