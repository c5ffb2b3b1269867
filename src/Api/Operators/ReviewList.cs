using System.Globalization;
using System.Text;
using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Api.Operators;

/// <summary>
/// The operators' review queue across merchants, oldest first, from Temporal visibility: checkouts
/// whose search attributes say a review is open. A closed checkout's reconciliation, once one ran,
/// speaks for it (its own attributes froze at close), so each checkout is listed once, as it stands.
/// </summary>
public sealed class ReviewList
{
    private readonly ITemporalClient client;
    private readonly CheckoutSearch search;

    public ReviewList(ITemporalClient client, CheckoutSearch search)
    {
        this.client = client;
        this.search = search;
    }

    /// <summary>The visibility query: the same one docs/operations.md gives for Temporal UI, with the queue's order.</summary>
    public static string QueryFor(ReviewListFilter filter)
    {
        var query = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"WorkflowType IN ('{nameof(CheckoutWorkflow)}', '{CheckoutReconciliationWorkflow.TypeName}') AND {CheckoutSearchAttributes.NeedsReview.Name} = true");
        if (filter.Reason is { } reason)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.ReviewReasons.Name} = '{reason.Name()}'");
        }

        if (filter.Provider is { } provider)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.Provider.Name} = '{provider.ToSlug()}'");
        }

        if (filter.MerchantId is { } merchant)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.MerchantId.Name} = '{merchant}'");
        }

        if (filter.OlderThan is { } before)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND StartTime < {CheckoutSearch.Instant(before)}");
        }

        return query.Append(" ORDER BY StartTime ASC").ToString();
    }

    /// <summary>One page of the queue (it may hold fewer than asked for: rows a reconciliation speaks for are left out), or null for a foreign page token.</summary>
    public async Task<ReviewListPage?> PageAsync(ReviewListFilter filter, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        if (await search.PageAsync(QueryFor(filter), pageToken, pageSize, cancellationToken) is not { } page)
        {
            return null;
        }

        var items = new List<ReviewListItem>();
        foreach (var row in page.Workflows)
        {
            if (await SpeaksForItsCheckoutAsync(row, cancellationToken))
            {
                items.Add(ItemOf(row));
            }
        }

        return new([.. items.DistinctBy(i => i.CheckoutId)], page.NextPageToken);
    }

    private static ReviewListItem ItemOf(WorkflowExecution row)
    {
        var attributes = row.TypedSearchAttributes;
        attributes.TryGetValue(CheckoutSearchAttributes.MerchantId, out var merchant);
        attributes.TryGetValue(CheckoutSearchAttributes.MerchantReference, out var reference);
        attributes.TryGetValue(CheckoutSearchAttributes.Provider, out var provider);
        attributes.TryGetValue(CheckoutSearchAttributes.Status, out var status);
        attributes.TryGetValue(CheckoutSearchAttributes.ReviewReasons, out var reasons);
        return new(
            CheckoutReconciliationWorkflow.CheckoutIdOf(row.Id),
            merchant ?? string.Empty,
            reference ?? string.Empty,
            provider ?? string.Empty,
            Enum.TryParse<PaymentStatus>(status, out var parsed) ? parsed : PaymentStatus.Pending,
            row.StartTime,
            [.. reasons ?? []]);
    }

    /// <summary>A running checkout speaks for itself; a closed one unless a reconciliation ran; a reconciliation's latest run only.</summary>
    private async Task<bool> SpeaksForItsCheckoutAsync(WorkflowExecution row, CancellationToken cancellationToken)
    {
        var isCheckout = row.WorkflowType == nameof(CheckoutWorkflow);
        if (isCheckout && row.Status == WorkflowExecutionStatus.Running)
        {
            return true;
        }

        try
        {
            var latest = await client.GetWorkflowHandle(isCheckout ? CheckoutReconciliationWorkflow.IdFor(row.Id) : row.Id)
                .DescribeAsync(new() { Rpc = new() { CancellationToken = cancellationToken } });
            return !isCheckout && latest.RunId == row.RunId;
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            return isCheckout;
        }
    }
}

/// <summary>A checkout on the review queue: whose, where, how it stands, since when, and the reasons still open.</summary>
public sealed record ReviewListItem(
    string CheckoutId,
    string MerchantId,
    string MerchantReference,
    string Provider,
    PaymentStatus Status,
    DateTimeOffset Since,
    IReadOnlyList<string> OpenReasons);

/// <summary>A page of the review queue; pass <see cref="NextPageToken"/> back as pageToken for the next one.</summary>
public sealed record ReviewListPage(IReadOnlyList<ReviewListItem> Checkouts, string? NextPageToken);
