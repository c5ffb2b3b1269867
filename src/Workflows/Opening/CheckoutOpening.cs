using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows.Rules;

namespace CheckoutOrchestrator.Workflows.Opening;

/// <summary>
/// A checkout the moment its session opens, from nothing but what its history holds (the start
/// event and the create's result): the workflow dates itself this way, and the API's answer to
/// POST /checkouts is built the same way, through the same <see cref="Checkout"/> rules.
/// </summary>
public static class CheckoutOpening
{
    /// <summary>The checkout's creation time: when its workflow started, as the start event records it.</summary>
    public static DateTimeOffset CreatedAt(DateTime workflowStartTime) =>
        new(DateTime.SpecifyKind(workflowStartTime, DateTimeKind.Utc));

    /// <summary>What the workflow's own snapshot says right after the session opened.</summary>
    public static CheckoutSnapshot Snapshot(CheckoutWorkflowInput input, DateTimeOffset createdAt, ProviderSession session)
    {
        var checkout = Checkout.Start(CheckoutTerms.Of(input, createdAt));
        checkout.Opened(session, createdAt);
        return checkout.Snapshot([]);
    }

    /// <summary>
    /// A checkout found already open (a retried POST, or another instance's) as the answer to this
    /// POST: itself as it stands now, unless it was opened by a different request under the same reference.
    /// </summary>
    public static OpenOutcome AsItStands(string checkoutId, CheckoutSnapshot? checkout, OpenRequest request) => checkout switch
    {
        null => new(OpenResult.StillOpening, checkoutId),
        _ when !request.IsSameAs(checkout.RequestFingerprint) => OpenOutcome.Conflict(checkoutId),
        { CreateFailure: { } failure } => new(OpenResult.Failed, checkoutId, checkout, failure),
        _ => new(OpenResult.Opened, checkoutId, checkout),
    };
}
