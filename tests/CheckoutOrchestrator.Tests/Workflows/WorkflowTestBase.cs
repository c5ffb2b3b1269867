using System.Runtime.CompilerServices;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Opening;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Testing;
using Temporalio.Worker;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

[Collection(TimeSkippingServerGroup.Name)]
public abstract class WorkflowTestBase
{
    protected WorkflowTestBase(TimeSkippingEnvironment environment)
    {
        Env = environment.Env;
    }

    protected WorkflowEnvironment Env { get; }

    protected ITemporalClient Client => Env.Client;

    protected static CheckoutWorkflowInput Input(PaymentProvider provider = PaymentProvider.LakiPay, int expiresInSeconds = 1800, string fingerprint = "fingerprint-1")
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var profile = ProviderProfiles.For(provider);
        return new(
            checkoutId,
            SampleCheckouts.For(provider) with { ExpiresInSeconds = expiresInSeconds },
            fingerprint,
            SampleCheckouts.ReferenceFor(provider, checkoutId),
            profile.Capabilities,
            profile.PollPlan,
            EventIdsNameCheckout: true);
    }

    /// <summary>A callback as the door passes it on: signed by the provider unless said otherwise.</summary>
    protected static ProviderEvent Callback(
        string eventId, PaymentStatus? status, string raw, CallbackEvidence evidence = CallbackEvidence.Signature, decimal? paid = null, string? reason = null, string? reference = null, string? paymentId = null) =>
        new(eventId, evidence, new ProviderStatus(raw, status, reason, paid), reference, DateTimeOffset.UtcNow, ProviderPaymentId: paymentId);

    protected static Task SendAsync(WorkflowHandle<CheckoutWorkflow, CheckoutSnapshot> handle, ProviderEvent providerEvent) =>
        handle.SignalAsync(wf => wf.ReceiveProviderEventAsync(providerEvent));

    /// <summary>
    /// The checkout as the API reads it, by replaying its history in this process, checked against
    /// the worker's own answer to a query at the same moment: the two must never differ.
    /// </summary>
    protected static async Task<CheckoutSnapshot> ReadAsTheApiDoesAsync(WorkflowHandle<CheckoutWorkflow, CheckoutSnapshot> handle)
    {
        while (true)
        {
            var before = await handle.FetchHistoryAsync();
            var queried = await handle.QueryAsync(wf => wf.Snapshot);
            var after = await handle.FetchHistoryAsync();
            if (after.Events.Count != before.Events.Count)
            {
                // News arrived between the two reads: read again at a quiet moment.
                continue;
            }

            var replayed = await ReplayedState.SnapshotAsync(after, DataConverter.Default, "default");
            Assert.Equal(JsonSerializer.Serialize(queried), JsonSerializer.Serialize(replayed));
            return replayed!;
        }
    }

    /// <summary>Reads the checkout until it reaches the status (time skipping stays locked meanwhile).</summary>
    protected static async Task<CheckoutSnapshot> WaitForStatusAsync(WorkflowHandle<CheckoutWorkflow, CheckoutSnapshot> handle, PaymentStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var snapshot = await ReadAsTheApiDoesAsync(handle);
            if (snapshot.Status == status)
            {
                return snapshot;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the checkout stayed {snapshot.Status}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Waits for the checkout's outcome with time skipping unlocked. The SDK unlocks it only for
    /// handles from StartWorkflowAsync; update-with-start handles need it done here.
    /// </summary>
    protected async Task<CheckoutSnapshot> OutcomeAsync(WorkflowHandle<CheckoutWorkflow, CheckoutSnapshot> handle, [CallerMemberName] string scenario = "")
    {
        var testService = Client.Connection.TestService;
        await testService.UnlockTimeSkippingAsync(new());
        CheckoutSnapshot outcome;
        try
        {
            outcome = await handle.GetResultAsync();
        }
        finally
        {
            await testService.LockTimeSkippingAsync(new());
        }

        await HistoryRecorder.SaveIfAskedAsync(handle, scenario);
        var replayed = await ReplayedState.SnapshotAsync(await handle.FetchHistoryAsync(), DataConverter.Default, "default");
        Assert.Equal(JsonSerializer.Serialize(outcome), JsonSerializer.Serialize(replayed));
        return outcome;
    }

    /// <summary>
    /// Lets time skip until the checkout has ended and the merchant's endpoint holds its final
    /// event: from then on virtual time stands at the end until the test releases the delivery.
    /// (The offline stand-in misplaces timers under env.DelayAsync, so tests do not sleep.)
    /// </summary>
    protected async Task RunToTheEndAsync(FakeProviderActivities provider, string finalEventType)
    {
        provider.HoldDelivery(finalEventType);
        await VirtualTime.RunUntilAsync(Env, () => Task.FromResult(provider.IsHoldingDelivery), TimeSpan.FromSeconds(10));
    }

    /// <summary>Runs a worker with the real workflow and fake activities on a task queue of the test's own.</summary>
    protected async Task<T> WithWorkerAsync<T>(FakeProviderActivities provider, Func<string, Task<T>> test)
    {
        var taskQueue = $"tq-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(
            Client,
            new TemporalWorkerOptions(taskQueue).AddAllActivities(provider).AddWorkflow<CheckoutWorkflow>());
        try
        {
            return await worker.ExecuteAsync(() => test(taskQueue));
        }
        catch
        {
            // With its worker gone, a failed test's checkout would hold the shared time-skipping
            // server still at its next task, and every later test would hang instead of running.
            await TerminateRunningAsync(taskQueue);
            throw;
        }
    }

    /// <summary>
    /// Opens the checkout the way the API does: starts it, then follows its history until the session
    /// is open. The API answers from history alone; the workflow's own snapshot, once it has taken the
    /// session in, must say exactly the same.
    /// </summary>
    protected async Task<(WorkflowHandle<CheckoutWorkflow, CheckoutSnapshot> Handle, CheckoutSnapshot Opened)> OpenAsync(CheckoutWorkflowInput input, string taskQueue)
    {
        var (handle, outcome) = await StartAsync(input, taskQueue);
        var opened = outcome is { Result: OpenResult.Opened, Snapshot: { } snapshot } ? snapshot : throw new InvalidOperationException($"The session did not open: {outcome}");
        Assert.Equal(JsonSerializer.Serialize(await ReadAsTheApiDoesAsync(handle)), JsonSerializer.Serialize(opened));
        return (handle, opened);
    }

    /// <summary>Starts the checkout as one POST of the API does (or joins the one running), and reads its opening from history.</summary>
    protected async Task<(WorkflowHandle<CheckoutWorkflow, CheckoutSnapshot> Handle, OpenOutcome? Outcome)> StartAsync(CheckoutWorkflowInput input, string taskQueue)
    {
        var request = new OpenRequest(Guid.NewGuid().ToString("N"), input.RequestFingerprint);
        await Client.StartWorkflowAsync(
            (CheckoutWorkflow wf) => wf.RunAsync(input),
            new(input.CheckoutId, taskQueue)
            {
                IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting,
                Memo = new Dictionary<string, object> { [OpeningHistory.StartedByMemo] = request.Id },
            });

        // Not the start's own handle: the test environment's would unlock time skipping a second time in OutcomeAsync.
        var handle = Client.GetWorkflowHandle<CheckoutWorkflow, CheckoutSnapshot>(input.CheckoutId);
        return (handle, await OpeningHistory.ReadAsync(handle, Client.Options.DataConverter, request, CancellationToken.None));
    }

    private async Task TerminateRunningAsync(string taskQueue)
    {
        await foreach (var execution in Client.ListWorkflowsAsync($"TaskQueue = '{taskQueue}' AND ExecutionStatus = 'Running'"))
        {
            await Client.GetWorkflowHandle(execution.Id, execution.RunId).TerminateAsync("its test failed");
        }
    }
}
