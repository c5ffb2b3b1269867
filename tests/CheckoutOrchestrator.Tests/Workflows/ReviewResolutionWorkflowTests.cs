using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>An operator's resolution is an update in the checkout's own history: audited there, replayed with it, told to the merchant.</summary>
public sealed class ReviewResolutionWorkflowTests : WorkflowTestBase
{
    public ReviewResolutionWorkflowTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task A_resolution_during_the_watch_is_an_update_in_the_history_and_takes_the_checkout_off_the_list()
    {
        var provider = new FakeProviderActivities();
        var (outcome, history) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Chpter, expiresInSeconds: 600), taskQueue);
            await RunToTheEndAsync(provider, MerchantEventTypes.Expired);
            var resolved = await handle.ExecuteUpdateAsync(wf => wf.ResolveReviewAsync(
                new ReviewResolutionRequest(ReviewReason.NoLookupToConfirm, ReviewOutcome.ConfirmedUnpaid, "nothing in the Chpter dashboard", "ops@example.com")));
            Assert.False(resolved.NeedsReview);
            provider.ReleaseDelivery();
            return (await OutcomeAsync(handle), await handle.FetchHistoryAsync());
        });

        Assert.Equal(PaymentStatus.Expired, outcome.Status);
        Assert.Equal(("ops@example.com", ReviewOutcome.ConfirmedUnpaid), (outcome.ReviewNotes.Single().Resolution!.ResolvedBy, outcome.ReviewNotes.Single().Resolution!.Outcome));
        Assert.Contains(history.Events, e => e.EventType == EventType.WorkflowExecutionUpdateCompleted);
        Assert.Contains(provider.Delivered, n => n.Type == MerchantEventTypes.ReviewResolved && n.Reason == ReviewReason.NoLookupToConfirm);
        var lastReviewFlag = history.Events.Last(e => e.UpsertWorkflowSearchAttributesEventAttributes?.SearchAttributes.IndexedFields.ContainsKey(CheckoutSearchAttributes.NeedsReview.Name) == true);
        Assert.Equal("false", lastReviewFlag.UpsertWorkflowSearchAttributesEventAttributes.SearchAttributes.IndexedFields[CheckoutSearchAttributes.NeedsReview.Name].Data.ToStringUtf8());
    }
}
