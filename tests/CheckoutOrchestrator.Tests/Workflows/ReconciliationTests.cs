using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;
using Temporalio.Worker;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>A callback for a checkout whose workflow has closed is still read, by its reconciliation.</summary>
public sealed class ReconciliationTests : WorkflowTestBase
{
    public ReconciliationTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task A_confirmed_success_for_a_closed_expired_checkout_becomes_a_late_payment_and_the_merchant_is_told()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m) };
        var closed = ClosedCheckout(PaymentStatus.Expired);

        var (result, attributes) = await ReconcileAsync(provider, closed, Callback("evt-9", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m));

        var late = Assert.IsType<LatePayment>(result.LatePayment);
        Assert.Equal((PaymentStatus.Expired, StatusSource.Webhook, "sess_1"), (result.Status, late.Source, late.ProviderSessionId));
        Assert.True(attributes.Get(CheckoutSearchAttributes.LatePayment));
        Assert.Equal([MerchantEventTypes.LatePayment, MerchantEventTypes.NeedsReview], provider.Delivered.Select(n => n.Type));
        Assert.Equal(closed.CheckoutId, provider.Delivered[0].Checkout.CheckoutId);
    }

    [Fact]
    public async Task A_success_claim_the_lookup_does_not_confirm_goes_to_review_without_a_late_payment()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("INITIATED", PaymentStatus.Pending) };

        var (result, attributes) = await ReconcileAsync(provider, ClosedCheckout(PaymentStatus.Expired), Callback("evt-9", PaymentStatus.Succeeded, "SUCCESS", evidence: CallbackEvidence.Token));

        Assert.Null(result.LatePayment);
        Assert.Contains(result.ReviewNotes, n => n.Note.Contains("said the payment succeeded (SUCCESS)", StringComparison.Ordinal));
        Assert.True(attributes.Get(CheckoutSearchAttributes.NeedsReview));
        Assert.Equal([MerchantEventTypes.NeedsReview], provider.Delivered.Select(n => n.Type));
    }

    [Fact]
    public async Task A_late_payment_already_recorded_is_never_recorded_twice()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m) };
        var earlier = new LatePayment(new Money(1000.50m, "ETB"), "SUCCESS", "sess_1", null, "ref-1", DateTimeOffset.UtcNow, StatusSource.Poll, "status lookup");

        var (result, _) = await ReconcileAsync(provider, ClosedCheckout(PaymentStatus.Expired) with { LatePayment = earlier }, Callback("evt-9", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m));

        Assert.Equal(earlier, result.LatePayment);
        Assert.Empty(provider.Delivered);
    }

    [Fact]
    public async Task A_reconciliation_under_many_callbacks_goes_on_in_a_new_run_carrying_what_it_knows()
    {
        var provider = new FakeProviderActivities { Otherwise = new ProviderStatus("INITIATED", PaymentStatus.Pending) };
        var closed = ClosedCheckout(PaymentStatus.Expired);
        var taskQueue = $"tq-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(Client, new TemporalWorkerOptions(taskQueue).AddAllActivities(provider).AddWorkflow<CheckoutReconciliationWorkflow>());
        var (runs, result) = await worker.ExecuteAsync(async () =>
        {
            var options = new WorkflowOptions(CheckoutReconciliationWorkflow.IdFor(closed.CheckoutId), taskQueue);
            options.SignalWithStart((CheckoutReconciliationWorkflow wf) => wf.ReceiveProviderEventAsync(Callback("claim", PaymentStatus.Succeeded, "SUCCESS", CallbackEvidence.Token)));
            var handle = await Client.StartWorkflowAsync((CheckoutReconciliationWorkflow wf) => wf.RunAsync(new ReconciliationInput(closed, ProviderProfiles.For(closed.Provider).Capabilities)), options);
            var firstRun = handle.ResultRunId;

            // A flood of callbacks that claim nothing final, past the 4 096 events at which Temporal suggests a new run.
            // (While signals arrive during its every task, a hand-over races them; it is taken once the flood pauses.)
            // Against a real server the run may continue as new mid-flood: the flood stops at a new run id too.
            var sent = 0;
            while ((await Client.GetWorkflowHandle(handle.Id).DescribeAsync()) is { RunId: var current, HistoryLength: < 4200 } && current == firstRun)
            {
                for (var i = 0; i < 250; i++, sent++)
                {
                    await handle.SignalAsync(wf => wf.ReceiveProviderEventAsync(Callback($"progress-{sent}", PaymentStatus.Processing, "PENDING", CallbackEvidence.Token)));
                }
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await Client.GetWorkflowHandle(handle.Id).DescribeAsync()).RunId == firstRun && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var latest = Client.GetWorkflowHandle<CheckoutReconciliationWorkflow, CheckoutSnapshot>(handle.Id);
            provider.AnswerLookups(new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m));
            await latest.SignalAsync(wf => wf.ReceiveProviderEventAsync(Callback("paid", PaymentStatus.Succeeded, "SUCCESS", CallbackEvidence.Token)));
            await Client.Connection.TestService.UnlockTimeSkippingAsync(new());
            CheckoutSnapshot outcome;
            try
            {
                outcome = await latest.GetResultAsync();
            }
            finally
            {
                await Client.Connection.TestService.LockTimeSkippingAsync(new());
            }

            return ((await latest.DescribeAsync()).RunId != firstRun, outcome);
        });

        Assert.True(runs, "the reconciliation went on in a new run");
        Assert.NotNull(result.LatePayment);
        Assert.Contains(result.ReviewNotes, n => n.Reason == ReviewReason.ContradictedClaim);
        Assert.Equal([MerchantEventTypes.NeedsReview, MerchantEventTypes.LatePayment, MerchantEventTypes.NeedsReview], provider.Delivered.Select(n => n.Type));
    }

    private static CheckoutSnapshot ClosedCheckout(PaymentStatus status) => new(
        SampleCheckouts.NewCheckoutId(),
        "merchant-test",
        "ORDER-1",
        PaymentProvider.LakiPay,
        new Money(1000.50m, "ETB"),
        status,
        SessionOpened: true,
        ProviderStatus: "INITIATED",
        ProviderSessionId: "sess_1",
        ProviderReference: "ref-1",
        ProviderPaymentId: null,
        CheckoutUrl: new Uri("https://pay.example.com/sess_1"),
        Action: null,
        CreatedAt: DateTimeOffset.UtcNow.AddDays(-2),
        ExpiresAt: DateTimeOffset.UtcNow.AddDays(-2).AddMinutes(30),
        CompletedAt: DateTimeOffset.UtcNow.AddDays(-2).AddMinutes(30),
        FailureReason: "No payment by the deadline.",
        CreateFailure: null,
        ReviewNotes: [],
        Timeline: [],
        RequestFingerprint: "fingerprint-1");

    private async Task<(CheckoutSnapshot Result, Temporalio.Common.SearchAttributeCollection Attributes)> ReconcileAsync(
        FakeProviderActivities provider, CheckoutSnapshot closed, ProviderEvent callback)
    {
        var taskQueue = $"tq-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(
            Client,
            new TemporalWorkerOptions(taskQueue).AddAllActivities(provider).AddWorkflow<CheckoutReconciliationWorkflow>());
        return await worker.ExecuteAsync(async () =>
        {
            var options = new WorkflowOptions(CheckoutReconciliationWorkflow.IdFor(closed.CheckoutId), taskQueue);
            options.SignalWithStart((CheckoutReconciliationWorkflow wf) => wf.ReceiveProviderEventAsync(callback));
            var input = new ReconciliationInput(closed, ProviderProfiles.For(closed.Provider).Capabilities);
            var handle = await Client.StartWorkflowAsync((CheckoutReconciliationWorkflow wf) => wf.RunAsync(input), options);
            var result = await handle.GetResultAsync();
            await HistoryRecorder.SaveIfAskedAsync(handle, $"Reconciliation_{(result.LatePayment is null ? "review" : "late_payment")}");
            return (result, (await handle.DescribeAsync()).TypedSearchAttributes);
        });
    }
}
