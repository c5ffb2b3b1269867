using CheckoutOrchestrator.Workflows.Contracts;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Client;
using Temporalio.Converters;

namespace CheckoutOrchestrator.Workflows.Opening;

/// <summary>
/// Answers POST /checkouts from the checkout workflow's history: its start event (the request it was
/// started with, when, and by which POST) and its create activity's result or failure. Following a
/// history costs no Temporal action; waiting for the same thing through an update would cost one on
/// every checkout (see docs/decisions). It lives beside the workflow because it reads that
/// workflow's history shape: a change to how a checkout opens changes both, and every workflow
/// test checks that this answer equals the workflow's own.
/// </summary>
public static class OpeningHistory
{
    /// <summary>The memo naming the POST that started the checkout; a repeated POST finds another and answers the checkout as it is now.</summary>
    public const string StartedByMemo = "startedByRequest";

    /// <summary>
    /// The outcome once the history holds one. Null when history alone cannot say: the workflow
    /// closed before its create finished, or an earlier POST started it (it may have moved on since
    /// its session opened, so its present state is the answer).
    /// </summary>
    public static async Task<OpenOutcome?> ReadAsync(WorkflowHandle run, DataConverter converter, OpenRequest request, CancellationToken cancellationToken)
    {
        CheckoutWorkflowInput? input = null;
        var startedByAnother = false;
        var createdAt = DateTimeOffset.MinValue;
        long? createScheduled = null;
        var history = run.FetchHistoryEventsAsync(new() { WaitNewEvent = true, Rpc = new() { CancellationToken = cancellationToken } });
        await foreach (var historyEvent in history)
        {
            switch (historyEvent.EventType)
            {
                case EventType.WorkflowExecutionStarted:
                    input = await converter.ToValueAsync<CheckoutWorkflowInput>(historyEvent.WorkflowExecutionStartedEventAttributes.Input.Payloads_[0]);
                    if (!request.IsSameAs(input.RequestFingerprint))
                    {
                        return OpenOutcome.Conflict(run.Id);
                    }

                    if (input.Open is not null || input.Watch is not null)
                    {
                        // A later run of a checkout opened long ago: its present state is the answer.
                        return null;
                    }

                    startedByAnother = await StartedByAsync(historyEvent.WorkflowExecutionStartedEventAttributes, converter) != request.Id;
                    createdAt = CheckoutOpening.CreatedAt(historyEvent.EventTime.ToDateTime());
                    break;
                case EventType.ActivityTaskScheduled when historyEvent.ActivityTaskScheduledEventAttributes.ActivityType.Name == IProviderActivities.CreateSessionType:
                    createScheduled ??= historyEvent.EventId;
                    break;
                case EventType.ActivityTaskCompleted when historyEvent.ActivityTaskCompletedEventAttributes.ScheduledEventId == createScheduled:
                    if (startedByAnother)
                    {
                        return null;
                    }

                    var session = await converter.ToValueAsync<Checkouts.ProviderSession>(historyEvent.ActivityTaskCompletedEventAttributes.Result.Payloads_[0]);
                    return new(OpenResult.Opened, run.Id, CheckoutOpening.Snapshot(input!, createdAt, session));
                case EventType.ActivityTaskFailed when historyEvent.ActivityTaskFailedEventAttributes.ScheduledEventId == createScheduled:
                    return startedByAnother ? null : await FailedAsync(run.Id, converter, historyEvent.ActivityTaskFailedEventAttributes.Failure);
                case EventType.ActivityTaskTimedOut when historyEvent.ActivityTaskTimedOutEventAttributes.ScheduledEventId == createScheduled:
                    return startedByAnother ? null : await FailedAsync(run.Id, converter, historyEvent.ActivityTaskTimedOutEventAttributes.Failure);
                default:
                    if (WorkflowCloseEvents.IsClose(historyEvent))
                    {
                        return null;
                    }

                    break;
            }
        }

        return null;
    }

    private static async Task<string?> StartedByAsync(WorkflowExecutionStartedEventAttributes started, DataConverter converter) =>
        started.Memo?.Fields.TryGetValue(StartedByMemo, out var payload) == true ? await converter.ToValueAsync<string>(payload) : null;

    private static async Task<OpenOutcome> FailedAsync(string checkoutId, DataConverter converter, Temporalio.Api.Failure.V1.Failure failure)
    {
        var cause = await converter.ToExceptionAsync(failure);
        return new(OpenResult.Failed, checkoutId, Failure: CheckoutFailure.FromCause(cause, cause.Message));
    }
}
