using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace CheckoutOrchestrator.Client;

/// <summary>
/// A merchant's way into the CheckoutOrchestrator API: open, read (waiting for the end if asked),
/// list and cancel checkouts; list the events sent and have one sent again. A refused call throws a <see cref="CheckoutApiException"/> of its
/// family, carrying the API's problem document.
/// </summary>
public sealed class CheckoutClient
{
    /// <summary>How the API writes JSON (camelCase); also what events are read with.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    internal static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(Json));

    private readonly ICheckoutApi api;

    internal CheckoutClient(ICheckoutApi api)
    {
        this.api = api;
    }

    /// <summary>A client on this HttpClient, whose BaseAddress is the API's; the key goes in every request's Authorization header.</summary>
    public static CheckoutClient Create(HttpClient http, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return new CheckoutClient(RestService.ForGenerated<ICheckoutApi>(http, Settings));
    }

    /// <summary>
    /// Opens a checkout, or returns the one this merchant reference already opened. When the provider
    /// is slow the API answers before the session exists: the checkout comes back pending without a
    /// <see cref="Checkout.CheckoutUrl"/>; read it again with <see cref="GetAsync"/>.
    /// </summary>
    public async Task<Checkout> CreateAsync(CreateCheckoutRequest request, CancellationToken cancellationToken = default)
    {
        var response = await api.CreateAsync(request, cancellationToken);
        var checkout = Ensure(response);
        return response.StatusCode == HttpStatusCode.Accepted ? await GetAsync(checkout.CheckoutId, null, cancellationToken) : checkout;
    }

    /// <summary>The checkout now, or, with <paramref name="wait"/> (the API holds at most 30 s), as soon as it is final.</summary>
    public async Task<Checkout> GetAsync(string checkoutId, TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        var seconds = wait is { } w ? ((int)Math.Ceiling(w.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null;
        return Ensure(await api.GetAsync(checkoutId, seconds, cancellationToken));
    }

    /// <summary>The merchant's checkouts, newest first, page after page until the last.</summary>
    public async IAsyncEnumerable<CheckoutSummary> ListAsync(CheckoutListFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter ??= new CheckoutListFilter();
        string? pageToken = null;
        do
        {
            var query = new ListQuery(
                filter.Status,
                filter.Provider,
                filter.Reference,
                filter.CreatedAfter?.ToString("O", CultureInfo.InvariantCulture),
                Flag(filter.NeedsReview),
                Flag(filter.LatePayment),
                Flag(filter.FailedOver),
                filter.PageSize,
                pageToken);
            var page = Ensure(await api.ListAsync(query, cancellationToken));
            foreach (var checkout in page.Checkouts)
            {
                yield return checkout;
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);
    }

    /// <summary>
    /// Cancels a checkout that is not paid. A payment that beat the cancel throws
    /// <see cref="CheckoutConflictException"/>; a provider still confirming returns it pending.
    /// </summary>
    public async Task<Checkout> CancelAsync(string checkoutId, string? reason = null, CancellationToken cancellationToken = default)
    {
        var response = await api.CancelAsync(checkoutId, new CancelBody(reason), cancellationToken);
        var checkout = Ensure(response);
        return response.StatusCode == HttpStatusCode.Accepted ? await GetAsync(checkoutId, null, cancellationToken) : checkout;
    }

    /// <summary>The events sent to the merchant, with their deliveries, newest checkouts first, page after page until the last.</summary>
    public async IAsyncEnumerable<EventRecord> ListEventsAsync(EventListFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter ??= new EventListFilter();
        string? pageToken = null;
        do
        {
            var page = Ensure(await api.ListEventsAsync(new EventQuery(filter.CheckoutId, filter.Type, Flag(filter.Delivered), filter.PageSize, pageToken), cancellationToken));
            foreach (var record in page.Events)
            {
                yield return record;
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);
    }

    /// <summary>
    /// Sends an event again: its id, type and time, with a fresh signature, retried like every event.
    /// A delivery still under way throws <see cref="CheckoutConflictException"/>.
    /// </summary>
    public async Task<EventRecord> RedeliverAsync(string eventId, CancellationToken cancellationToken = default) =>
        Ensure(await api.RedeliverAsync(eventId, cancellationToken));

    private static string? Flag(bool? flag) => flag switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static T Ensure<T>(IApiResponse<T> response)
    {
        if (response.IsSuccessStatusCode && response.Content is { } content)
        {
            return content;
        }

        if (response.StatusCode is not { } status)
        {
            // No answer at all (connection refused, reset, timeout): the transport's own exception, as HttpClient throws it.
            if (response.Error?.InnerException is HttpRequestException or OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(response.Error.InnerException);
            }

            throw (Exception?)response.Error ?? new HttpRequestException("The API gave no answer.");
        }

        throw CheckoutApiException.From(status, response.Headers?.RetryAfter?.Delta, (response.Error as ApiException)?.Content);
    }
}
