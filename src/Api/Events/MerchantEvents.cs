using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Events;

/// <summary>
/// A merchant's events, read from the checkouts that sent them (so an event lives as long as its
/// checkout can be read), and redelivered on request in a workflow of their own.
/// </summary>
public sealed class MerchantEvents
{
    /// <summary>Checkouts read per visibility page while a page of events fills.</summary>
    public const int CheckoutsPerStep = 20;

    /// <summary>At most this many checkouts are read for one page: a filter that matches little answers with a token to go on.</summary>
    public const int MaxCheckoutsPerPage = 100;

    private readonly ITemporalClient client;
    private readonly TemporalSettings settings;
    private readonly CheckoutReader reader;
    private readonly CheckoutSearch search;

    public MerchantEvents(ITemporalClient client, TemporalSettings settings, CheckoutReader reader, CheckoutSearch search)
    {
        this.client = client;
        this.settings = settings;
        this.reader = reader;
        this.search = search;
    }

    /// <summary>
    /// The merchant's events, newest checkouts first and each checkout's events newest first; a page
    /// ends at a checkout's last event. Null when the page token is not one this API handed out.
    /// </summary>
    public async Task<EventPage?> ListAsync(string merchantId, EventFilter filter, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        if (filter.CheckoutId is { } checkoutId)
        {
            var one = await reader.FindAsync(checkoutId, merchantId, cancellationToken);
            return new(one is null ? [] : await ViewsAsync([one], filter, cancellationToken), null);
        }

        var events = new List<EventView>();
        var (token, read) = (pageToken, 0);
        do
        {
            if (await search.ListAsync(merchantId, new CheckoutFilter(), token, CheckoutsPerStep, cancellationToken) is not { } page)
            {
                return null;
            }

            var checkouts = await Task.WhenAll(page.Checkouts.Select(c => reader.FindAsync(c.CheckoutId, merchantId, cancellationToken)));
            events.AddRange(await ViewsAsync(checkouts.OfType<CheckoutSnapshot>(), filter, cancellationToken));
            (token, read) = (page.NextPageToken, read + page.Checkouts.Count);
        }
        while (token is not null && events.Count < pageSize && read < MaxCheckoutsPerPage);

        return new(events, token);
    }

    /// <summary>Sends the merchant's event again, with a fresh signature, unless a redelivery of it is under way.</summary>
    public async Task<RedeliveryOutcome> RedeliverAsync(string merchantId, string eventId, CancellationToken cancellationToken)
    {
        var checkout = MerchantEventIds.CheckoutOf(eventId) is { } checkoutId ? await reader.FindAsync(checkoutId, merchantId, cancellationToken) : null;
        if (checkout?.Notifications?.FirstOrDefault(n => n.EventId == eventId) is not { } record)
        {
            return new(RedeliveryResult.NotFound);
        }

        if (record.State == NotificationState.Pending)
        {
            return new(RedeliveryResult.StillDelivering, EventView.Of(checkout.CheckoutId, record, null));
        }

        var notification = new MerchantNotification(eventId, record.Type, record.CreatedAt, merchantId, checkout.NotificationUrl, checkout.ToView(), record.Reason);
        var options = new WorkflowOptions(MerchantEventRedeliveryWorkflow.IdFor(eventId), settings.TaskQueue)
        {
            IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicate,
            IdConflictPolicy = WorkflowIdConflictPolicy.Fail,
            StaticSummary = $"Redelivery of {record.Type} of checkout {checkout.CheckoutId}",
            TypedSearchAttributes = new SearchAttributeCollection.Builder()
                .Set(CheckoutSearchAttributes.MerchantId, merchantId)
                .ToSearchAttributeCollection(),
            Rpc = new() { CancellationToken = cancellationToken },
        };
        try
        {
            await client.StartWorkflowAsync((MerchantEventRedeliveryWorkflow wf) => wf.RunAsync(notification), options);
            var redelivery = new RedeliveryView(NotificationState.Pending, DateTimeOffset.UtcNow, [], null, null);
            return new(RedeliveryResult.Started, EventView.Of(checkout.CheckoutId, record, redelivery));
        }
        catch (WorkflowAlreadyStartedException)
        {
            return new(RedeliveryResult.StillDelivering, EventView.Of(checkout.CheckoutId, record, null));
        }
    }

    private async Task<IReadOnlyList<EventView>> ViewsAsync(IEnumerable<CheckoutSnapshot> checkouts, EventFilter filter, CancellationToken cancellationToken)
    {
        var records = checkouts
            .SelectMany(c => (c.Notifications ?? []).Select(n => (c.CheckoutId, Record: n)))
            .OrderByDescending(e => e.Record.CreatedAt)
            .ToList();
        var redeliveries = await RedeliveriesAsync([.. records.Select(e => e.Record.EventId)], cancellationToken);
        return [.. records.Select(e => EventView.Of(e.CheckoutId, e.Record, redeliveries.GetValueOrDefault(e.Record.EventId))).Where(filter.Matches)];
    }

    /// <summary>The latest redelivery of each of these events that has one: a visibility call, and a result read per finished one.</summary>
    private async Task<Dictionary<string, RedeliveryView>> RedeliveriesAsync(IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RedeliveryView>(StringComparer.Ordinal);
        if (eventIds.Count == 0)
        {
            return found;
        }

        // Event ids are hex and underscores, written by the workflows: nothing in them can widen the query.
        var ids = string.Join(", ", eventIds.Select(id => $"'{MerchantEventRedeliveryWorkflow.IdFor(id)}'"));
        var query = $"WorkflowType = 'MerchantEventRedelivery' AND WorkflowId IN ({ids})";
        await foreach (var run in client.ListWorkflowsAsync(query, new() { Rpc = new() { CancellationToken = cancellationToken } }))
        {
            var eventId = run.Id[..^"-redelivery".Length];
            if (found.ContainsKey(eventId))
            {
                continue;
            }

            var view = run.Status == WorkflowExecutionStatus.Completed
                ? await client.GetWorkflowHandle(run.Id, run.RunId).GetResultAsync<NotificationRecord>(rpcOptions: new() { CancellationToken = cancellationToken }) is { } done
                    ? new RedeliveryView(done.State, run.StartTime, done.Attempts, done.DeliveredAt, done.Error)
                    : null
                : new RedeliveryView(run.Status == WorkflowExecutionStatus.Running ? NotificationState.Pending : NotificationState.GaveUp, run.StartTime, [], null, null);
            if (view is not null)
            {
                found[eventId] = view;
            }
        }

        return found;
    }
}
