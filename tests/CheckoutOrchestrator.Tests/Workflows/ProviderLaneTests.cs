using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Worker;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>
/// A provider with a call budget (Adullam) has a queue per lane: creates, the checkout's own lookups,
/// and lookups bought by hints. An outsider's hints can only ever spend the smallest lane.
/// </summary>
public sealed class ProviderLaneTests : WorkflowTestBase
{
    public ProviderLaneTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task A_budgeted_providers_create_its_own_lookups_and_the_lookups_hints_buy_each_run_in_their_own_lane()
    {
        var provider = new FakeProviderActivities();
        var history = await WithWorkerAsync(provider, async taskQueue =>
        {
            var createsQueue = ProviderProfiles.For(PaymentProvider.Adullam).TaskQueueBeside(taskQueue)!;
            var lanes = Enum.GetValues<ProviderLane>()
                .Select(lane => new TemporalWorker(Client, new TemporalWorkerOptions(CallBudget.LaneQueue(createsQueue, lane)).AddAllActivities(provider)))
                .ToList();
            using var stop = new CancellationTokenSource();
            var running = lanes.Select(lane => lane.ExecuteAsync(stop.Token)).ToList();
            try
            {
                var (handle, _) = await OpenAsync(Input(PaymentProvider.Adullam, expiresInSeconds: 600) with { ProviderTaskQueue = createsQueue }, taskQueue);
                await SendAsync(handle, Callback("no-signature", PaymentStatus.Succeeded, "completed", CallbackEvidence.Hint));
                Assert.Equal(PaymentStatus.Expired, (await OutcomeAsync(handle)).Status);
                return await handle.FetchHistoryAsync();
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAll(running.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
                lanes.ForEach(lane => lane.Dispose());
            }
        });

        var scheduled = history.Events
            .Where(e => e.EventType == EventType.ActivityTaskScheduled)
            .Select(e => (Type: e.ActivityTaskScheduledEventAttributes.ActivityType.Name, Queue: e.ActivityTaskScheduledEventAttributes.TaskQueue.Name))
            .Where(a => a.Type != "NotifyMerchant")
            .ToList();
        Assert.Equal("CreateSession", scheduled[0].Type);
        Assert.EndsWith("-adullam", scheduled[0].Queue);

        // The hint's lookup first, and its one follow-up, in the hints' lane; the checkout's own (polls, the deadline's last check) in the lookups'.
        var lookups = scheduled.Skip(1).ToList();
        Assert.EndsWith("-adullam-hints", lookups[0].Queue);
        Assert.Equal(2, lookups.Count(a => a.Queue.EndsWith("-adullam-hints", StringComparison.Ordinal)));
        Assert.Contains(lookups, a => a.Queue.EndsWith("-adullam-lookups", StringComparison.Ordinal));
        Assert.All(lookups, a => Assert.Matches("-adullam-(hints|lookups)$", a.Queue));
    }
}
