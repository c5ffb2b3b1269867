using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// How a closed checkout's reconciliation starts, or is joined if it runs (a late callback, an
/// operator's resolution): with the checkout's last state and the search attributes operators and
/// the review queue filter by.
/// </summary>
public static class ReconciliationStart
{
    /// <param name="cancellationToken">Null for the start of an update-with-start, whose update carries the call's options.</param>
    public static WorkflowOptions Options(TemporalSettings settings, CheckoutSnapshot closed, CancellationToken? cancellationToken)
    {
        var attributes = new SearchAttributeCollection.Builder()
            .Set(CheckoutSearchAttributes.Status, closed.Status.ToString())
            .Set(CheckoutSearchAttributes.Provider, closed.Provider.ToSlug())
            .Set(CheckoutSearchAttributes.MerchantId, closed.MerchantId)
            .Set(CheckoutSearchAttributes.MerchantReference, closed.MerchantReference)
            .Set(CheckoutSearchAttributes.NeedsReview, closed.NeedsReview);
        if (closed.OpenReviewReasons.Count > 0)
        {
            attributes.Set(CheckoutSearchAttributes.ReviewReasons, [.. closed.OpenReviewReasons.Select(r => r.Name())]);
        }

        return new WorkflowOptions(CheckoutReconciliationWorkflow.IdFor(closed.CheckoutId), settings.TaskQueue)
        {
            IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting,
            StaticSummary = $"Reconciliation of {closed.Provider} checkout {closed.MerchantReference} ({closed.Status})",
            TypedSearchAttributes = attributes.ToSearchAttributeCollection(),
            Rpc = cancellationToken is { } token ? new() { CancellationToken = token } : null,
        };
    }

    public static ReconciliationInput Input(TemporalSettings settings, CheckoutSnapshot closed) =>
        new(closed, ProviderProfiles.For(closed.Provider).Capabilities, settings.ProviderTaskQueue(closed.Provider), EventIdsNameCheckout: true);
}
