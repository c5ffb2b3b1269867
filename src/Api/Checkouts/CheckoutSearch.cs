using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Workflows;
using Temporalio.Client;
using Temporalio.Common;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// Lists a merchant's checkouts through Temporal visibility: search attributes only, so a page
/// costs one visibility call and no Temporal action, however many checkouts it holds.
/// </summary>
public sealed class CheckoutSearch
{
    private readonly ITemporalClient client;
    private readonly CheckoutKeys keys;

    public CheckoutSearch(ITemporalClient client, CheckoutKeys keys)
    {
        this.client = client;
        this.keys = keys;
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
            query.Append(CultureInfo.InvariantCulture, $" AND StartTime > {Instant(after)}");
        }

        AndFlag(query, CheckoutSearchAttributes.NeedsReview, filter.NeedsReview);
        AndFlag(query, CheckoutSearchAttributes.FailedOver, filter.FailedOver);
        AndFlag(query, CheckoutSearchAttributes.LatePayment, filter.LatePayment);
        return query.ToString();
    }

    /// <summary>A moment as a visibility query literal (quoted, UTC, milliseconds).</summary>
    public static string Instant(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"'{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}'");

    /// <summary>Whether a page token is base64url at all, so a broken one is a 400 naming it.</summary>
    public static bool IsWellFormedPageToken(string token) => Base64Url.IsValid(token);

    public static void AndFlag(StringBuilder query, SearchAttributeKey<bool> key, bool? value)
    {
        if (value is { } flag)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {key.Name} = {(flag ? "true" : "false")}");
        }
    }

    /// <summary>
    /// One page of the merchant's checkouts, or null when the page token is not one this API handed
    /// out for this merchant and query. Tokens carry a tag under the server's key, so Temporal is only
    /// ever handed back its own tokens; one it still refuses is refused the same way.
    /// </summary>
    public async Task<CheckoutPage?> ListAsync(string merchantId, CheckoutFilter filter, string? pageToken, int pageSize, CancellationToken cancellationToken) =>
        await PageAsync(QueryFor(merchantId, filter), pageToken, pageSize, cancellationToken) is { } page
            ? new([.. page.Workflows.DistinctBy(w => w.Id).Select(Summarise)], page.NextPageToken)
            : null;

    /// <summary>One page of any visibility query, its next page token signed for that query; null for a token this API did not hand out for it.</summary>
    public async Task<SearchPage?> PageAsync(string query, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        byte[]? temporalToken = null;
        if (pageToken is not null && (temporalToken = Unwrap(query, pageToken)) is null)
        {
            return null;
        }

        WorkflowListPage page;
        try
        {
            page = await client.ListWorkflowsPaginatedAsync(query, temporalToken, new() { PageSize = pageSize, Rpc = new() { CancellationToken = cancellationToken } });
        }
        catch (Temporalio.Exceptions.RpcException ex) when (temporalToken is not null && ex.Code == Temporalio.Exceptions.RpcException.StatusCode.InvalidArgument)
        {
            return null;
        }

        return new(page.Workflows, page.NextPageToken is { Length: > 0 } next ? Wrap(query, next) : null);
    }

    private static string PageTokenPurpose(string query) => $"page-token\n{query}";

    private static CheckoutSummary Summarise(WorkflowExecution execution)
    {
        var attributes = execution.TypedSearchAttributes;
        attributes.TryGetValue(CheckoutSearchAttributes.MerchantReference, out var reference);
        attributes.TryGetValue(CheckoutSearchAttributes.Provider, out var provider);
        attributes.TryGetValue(CheckoutSearchAttributes.Status, out var status);
        attributes.TryGetValue(CheckoutSearchAttributes.NeedsReview, out var review);
        attributes.TryGetValue(CheckoutSearchAttributes.LatePayment, out var late);
        attributes.TryGetValue(CheckoutSearchAttributes.FailedOver, out var failedOver);
        return new(
            execution.Id,
            reference ?? string.Empty,
            provider ?? string.Empty,
            Enum.TryParse<PaymentStatus>(status, out var parsed) ? parsed : PaymentStatus.Pending,
            execution.StartTime,
            review,
            late,
            failedOver);
    }

    private string Wrap(string query, byte[] temporalToken) =>
        Base64Url.EncodeToString([.. keys.Tag(PageTokenPurpose(query), temporalToken), .. temporalToken]);

    private byte[]? Unwrap(string query, string pageToken)
    {
        var bytes = Base64Url.DecodeFromChars(pageToken);
        if (bytes.Length <= CheckoutKeys.TagLength)
        {
            return null;
        }

        var temporalToken = bytes[CheckoutKeys.TagLength..];
        return keys.IsTag(PageTokenPurpose(query), temporalToken, bytes.AsSpan(0, CheckoutKeys.TagLength)) ? temporalToken : null;
    }
}

/// <summary>A page of visibility rows and the signed token of the next.</summary>
public sealed record SearchPage(IReadOnlyCollection<WorkflowExecution> Workflows, string? NextPageToken);
