using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;

namespace CheckoutOrchestrator.Bench;

/// <summary>
/// Temporal Cloud's billable actions as they show in a history (docs.temporal.io/cloud/actions):
/// a workflow started, a signal received, an update accepted, an activity attempt started (each
/// retry again), a timer started (wait-with-timeout timers too), a search-attribute upsert except one
/// that only writes <c>TemporalChangeVersion</c> (the SDK's own for <c>Workflow.Patched</c>, exempt).
/// Workflow tasks, completions and markers are not actions (the workflows run no local activities).
/// Queries and describes leave no event: they are counted apart, by the caller. The server writes one
/// started event per activity, for its last attempt, carrying that attempt's number: that number is
/// how many attempts were billed (a lookup answering 500 twice, then 200: 3).
/// </summary>
public static class BillableActions
{
    private const string ChangeVersion = "TemporalChangeVersion";

    public static int Of(IEnumerable<HistoryEvent> events) => events.Sum(Weight);

    /// <summary>Where the actions go: "activity GetStatus 2, timer 3, …", so the next saving is obvious.</summary>
    public static string Breakdown(IReadOnlyList<HistoryEvent> events)
    {
        var activityTypes = events.Where(e => e.ActivityTaskScheduledEventAttributes is not null)
            .ToDictionary(e => e.EventId, e => e.ActivityTaskScheduledEventAttributes.ActivityType.Name);
        return string.Join(", ", events.Where(IsAction)
            .Select(e => (Name: e.ActivityTaskStartedEventAttributes is { } started ? $"activity {activityTypes[started.ScheduledEventId]}" : Name(e.EventType), Weight: Weight(e)))
            .GroupBy(action => action.Name)
            .Select(g => $"{g.Key} {g.Sum(action => action.Weight)}"));
    }

    /// <summary>Provider status requests: every attempt of the GetStatus activity.</summary>
    public static int Lookups(IReadOnlyList<HistoryEvent> events)
    {
        var lookups = events.Where(e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "GetStatus").Select(e => e.EventId).ToHashSet();
        return events.Where(e => e.ActivityTaskStartedEventAttributes is { } started && lookups.Contains(started.ScheduledEventId)).Sum(Weight);
    }

    /// <summary>How many actions one event bills: an activity's started event as many as its attempts.</summary>
    public static int Weight(HistoryEvent e) =>
        !IsAction(e) ? 0 : e.ActivityTaskStartedEventAttributes is { } started ? Math.Max(1, started.Attempt) : 1;

    private static bool IsAction(HistoryEvent e) => e.EventType switch
    {
        EventType.UpsertWorkflowSearchAttributes =>
            e.UpsertWorkflowSearchAttributesEventAttributes.SearchAttributes.IndexedFields.Keys.Any(key => key != ChangeVersion),
        EventType.WorkflowExecutionStarted
            or EventType.WorkflowExecutionSignaled
            or EventType.WorkflowExecutionUpdateAccepted
            or EventType.ActivityTaskStarted
            or EventType.TimerStarted
            or EventType.StartChildWorkflowExecutionInitiated
            or EventType.SignalExternalWorkflowExecutionInitiated => true,
        _ => false,
    };

    private static string Name(EventType type) => type switch
    {
        EventType.WorkflowExecutionStarted => "start",
        EventType.WorkflowExecutionSignaled => "signal",
        EventType.WorkflowExecutionUpdateAccepted => "update",
        EventType.TimerStarted => "timer",
        EventType.UpsertWorkflowSearchAttributes => "search-attribute upsert",
        _ => type.ToString(),
    };
}
