using System.Text.Json;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Opening;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Worker;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>
/// Checkouts in flight must survive a deploy: every committed history (recorded from real runs
/// of earlier versions, one folder per version) must replay on today's workflows without a
/// nondeterminism error.
/// </summary>
public sealed class CheckoutWorkflowReplayTests
{
    private static readonly string HistoryFolder = Path.Combine(AppContext.BaseDirectory, "Workflows", "Histories");

    [Fact]
    public async Task Every_recorded_checkout_history_replays_on_the_current_workflow()
    {
        var histories = LoadHistories();
        Assert.True(histories.Count >= 40, $"expected the recorded histories in {HistoryFolder}, found {histories.Count}");

        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<CheckoutWorkflow>().AddWorkflow<CheckoutReconciliationWorkflow>());
        foreach (var history in histories)
        {
            var result = await replayer.ReplayWorkflowAsync(history, throwOnReplayFailure: false);
            Assert.True(result.ReplayFailure is null, $"{history.Id} no longer replays: {result.ReplayFailure}");
        }
    }

    [Fact]
    public async Task Every_recorded_checkout_read_by_replaying_its_history_says_what_its_workflow_answered()
    {
        var completed = LoadHistories().Where(h => h.Events.Last().WorkflowExecutionCompletedEventAttributes is not null).ToList();
        Assert.True(completed.Count >= 40, $"expected the recorded histories in {HistoryFolder}, found {completed.Count}");

        foreach (var history in completed)
        {
            var answered = await DataConverter.Default.ToValueAsync<CheckoutSnapshot>(history.Events.Last().WorkflowExecutionCompletedEventAttributes.Result.Payloads_[0]);

            var read = await ReplayedState.SnapshotAsync(history, DataConverter.Default, "default");

            // The corpus' results were written by the code of their day; what a merchant acts on must read the same today.
            Assert.Equal(ActedOn(answered), ActedOn(read!));
        }
    }

    [Fact]
    public async Task A_workflow_whose_commands_changed_without_a_patch_fails_replay()
    {
        var history = LoadHistories().First(h => h.Id.Contains("webhook_completes", StringComparison.Ordinal));
        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<ReorderedCheckoutWorkflow>());

        var result = await replayer.ReplayWorkflowAsync(history, throwOnReplayFailure: false);

        Assert.IsType<Temporalio.Exceptions.WorkflowNondeterminismException>(result.ReplayFailure);
    }

    private static string ActedOn(CheckoutSnapshot checkout) => JsonSerializer.Serialize(new
    {
        checkout.CheckoutId,
        checkout.Status,
        checkout.CompletedAt,
        checkout.FailureReason,
        Timeline = checkout.Timeline.Select(t => new { t.At, t.Status, t.Source, t.Kind }),
        Reviews = checkout.ReviewNotes.Select(n => n.Reason),
        LatePaid = checkout.LatePayment?.Amount,
        Events = checkout.Notifications?.Select(n => new { n.EventId, n.Type, n.State }),
    });

    private static List<WorkflowHistory> LoadHistories() =>
        [.. Directory.EnumerateFiles(HistoryFolder, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => WorkflowHistory.FromJson(Path.GetRelativePath(HistoryFolder, file), File.ReadAllText(file)))];
}
