using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Api.Webhooks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.Options;
using Temporalio.Client;
using Temporalio.Converters;

namespace CheckoutOrchestrator.Api.Returns;

/// <summary>
/// A customer coming back from the provider's page, on our return URL. It is news from the provider's
/// side (the URL carries the checkout's token): it buys an immediate lookup, like a tokened callback.
/// The customer is sent on only once the checkout says where: success when it succeeded, failure
/// when it ended unpaid, else the merchant's pending page (or success with status=processing).
/// </summary>
public sealed class CustomerReturns
{
    private readonly ITemporalClient client;
    private readonly CheckoutReader reader;
    private readonly CheckoutGate gate;
    private readonly IOptions<ApiOptions> options;
    private readonly TimeProvider time;
    private readonly CallbackRelay relay;

    public CustomerReturns(
        ITemporalClient client,
        CheckoutReader reader,
        [FromKeyedServices(CheckoutGate.Returns)] CheckoutGate gate,
        IOptions<ApiOptions> options,
        TimeProvider time,
        CallbackRelay relay)
    {
        this.client = client;
        this.relay = relay;
        this.reader = reader;
        this.gate = gate;
        this.options = options;
        this.time = time;
    }

    /// <summary>The merchant's page for this status, with checkout_id and status appended.</summary>
    public static Uri Destination(string checkoutId, PaymentStatus status, RedirectUrls redirects)
    {
        var (page, said) = status switch
        {
            PaymentStatus.Succeeded => (redirects.Success, status.ToWire()),
            _ when status.IsTerminal() => (redirects.Failure, status.ToWire()),
            _ => (redirects.Pending ?? redirects.Success, "processing"),
        };
        var separator = string.IsNullOrEmpty(page.Query) ? "?" : "&";
        return new($"{page.AbsoluteUri}{separator}checkout_id={Uri.EscapeDataString(checkoutId)}&status={said}");
    }

    /// <summary>Where to send the customer, or null when the checkout does not exist (or sent nobody to a provider's page).</summary>
    public async Task<Uri?> DestinationAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var handle = client.GetWorkflowHandle<CheckoutWorkflow>(checkoutId);
        if (await reader.ReadAsync(checkoutId, merchantId: null, cancellationToken) is not { } reading
            || await RedirectsAsync(handle, client.Options.DataConverter, cancellationToken) is not { } redirects)
        {
            return null;
        }

        var checkout = reading.Snapshot;
        if (!checkout.IsFinal && reading.IsRunning)
        {
            if (gate.TryPass(checkoutId))
            {
                var now = time.GetUtcNow();
                var returned = new ProviderEvent($"customer-return-{now:yyyyMMddHHmmss}", CallbackEvidence.Token, null, null, now);
                // Through the relay: progress held for the checkout reaches it before the lookup this return buys.
                await relay.SignalAsync(checkoutId, returned, cancellationToken);
            }

            checkout = await reader.WaitForFinalAsync(checkoutId, merchantId: null, options.Value.ReturnWait, cancellationToken) ?? checkout;
        }

        return Destination(checkoutId, checkout.Status, redirects);
    }

    /// <summary>The merchant's redirect URLs, from the request the checkout was started with (its history's first event: no action).</summary>
    private static async Task<RedirectUrls?> RedirectsAsync(WorkflowHandle handle, DataConverter converter, CancellationToken cancellationToken)
    {
        await foreach (var first in handle.FetchHistoryEventsAsync(new() { Rpc = new() { CancellationToken = cancellationToken } }))
        {
            var input = await converter.ToValueAsync<CheckoutWorkflowInput>(first.WorkflowExecutionStartedEventAttributes.Input.Payloads_[0]);
            return input.Request.Redirects;
        }

        return null;
    }
}
