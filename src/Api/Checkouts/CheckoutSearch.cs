using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// Lists a merchant's checkouts through Temporal visibility: search attributes only, so a page
/// costs one visibility call and no Temporal action, however many checkouts it holds.
/// </summary>
public sealed class CheckoutSearch
{
    private readonly ITemporalClient client;

    public CheckoutSearch(ITemporalClient client)
    {
        this.client = client;
    }

    /// <summary>
    /// The visibility query for a merchant's checkouts. Values come from parsed enums, dates and a
    /// reference the endpoint has checked contains no quote, so nothing can widen the query.
    /// </summary>
    public static string QueryFor(string merchantId, CheckoutFilter filter)
    {
        var query = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"WorkflowType = '{nameof(CheckoutWorkflow)}' AND {CheckoutSearchAttributes.MerchantId.Name} = '{merchantId}'");
        if (filter.Status is { } status)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.Status.Name} = '{status}'");
        }

        if (filter.Provider is { } provider)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.Provider.Name} = '{provider.ToSlug()}'");
        }

        if (filter.Reference is { } reference)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.MerchantReference.Name} = '{reference}'");
        }

        if (filter.CreatedAfter is { } after)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND StartTime > '{after.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}'");
        }

        if (filter.NeedsReview is { } review)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.NeedsReview.Name} = {(review ? "true" : "false")}");
        }

        if (filter.LatePayment is { } late)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CheckoutSearchAttributes.LatePayment.Name} = {(late ? "true" : "false")}");
        }

        return query.ToString();
    }

    /// <summary>Whether a page token is one this API handed out (base64url), so a broken one is a 400, not a 500.</summary>
    public static bool IsWellFormedPageToken(string token) => Base64Url.IsValid(token);

    public async Task<CheckoutPage> ListAsync(string merchantId, CheckoutFilter filter, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var page = await client.ListWorkflowsPaginatedAsync(
            QueryFor(merchantId, filter),
            pageToken is null ? null : Base64Url.DecodeFromChars(pageToken),
            new() { PageSize = pageSize, Rpc = new() { CancellationToken = cancellationToken } });
        return new(
            [.. page.Workflows.Select(Summarise)],
            page.NextPageToken is { Length: > 0 } next ? Base64Url.EncodeToString(next) : null);
    }

    private static CheckoutSummary Summarise(WorkflowExecution execution)
    {
        var attributes = execution.TypedSearchAttributes;
        attributes.TryGetValue(CheckoutSearchAttributes.MerchantReference, out var reference);
        attributes.TryGetValue(CheckoutSearchAttributes.Provider, out var provider);
        attributes.TryGetValue(CheckoutSearchAttributes.Status, out var status);
        attributes.TryGetValue(CheckoutSearchAttributes.NeedsReview, out var review);
        attributes.TryGetValue(CheckoutSearchAttributes.LatePayment, out var late);
        return new(
            execution.Id,
            reference ?? string.Empty,
            provider ?? string.Empty,
            Enum.TryParse<PaymentStatus>(status, out var parsed) ? parsed : PaymentStatus.Pending,
            execution.StartTime,
            execution.CloseTime,
            review,
            late);
    }
}
