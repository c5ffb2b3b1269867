using System.Globalization;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Merchants;
using CheckoutOrchestrator.Workflows.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// Delivers one event to a merchant. Each attempt is one POST; Temporal's retry policy is the only
/// retry layer. The outcome of every attempt travels to the next one in the heartbeat details, so
/// the checkout can show them all once delivery ends.
/// </summary>
public sealed class MerchantNotificationActivities : IMerchantEventActivities
{
    public const string PublicClient = "merchant-notifications";
    public const string AllowedPrivateClient = "merchant-notifications-allowed-private";

    /// <summary>Enough for 24 hours of backoff; older attempts drop off first.</summary>
    public const int MaxAttemptsKept = 40;

    private readonly IHttpClientFactory http;
    private readonly MerchantDirectory merchants;
    private readonly IOptions<NotificationOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<MerchantNotificationActivities> logger;

    public MerchantNotificationActivities(
        IHttpClientFactory http, MerchantDirectory merchants, IOptions<NotificationOptions> options, TimeProvider time, ILogger<MerchantNotificationActivities> logger)
    {
        this.http = http;
        this.merchants = merchants;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Same scheme, host and port, and the allowed path or one under it at a segment boundary (…/events never allows …/events-evil).</summary>
    public static bool IsUnder(Uri url, Uri allowed)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(allowed);
        if (Uri.Compare(url, allowed, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var (path, prefix) = (url.AbsolutePath, allowed.AbsolutePath);
        return path == prefix
            || (path.StartsWith(prefix, StringComparison.Ordinal) && (prefix.EndsWith('/') || path[prefix.Length] == '/'));
    }

    [Activity(IMerchantEventActivities.NotifyMerchantType)]
    public async Task<IReadOnlyList<NotificationAttempt>> NotifyMerchantAsync(MerchantNotification notification)
    {
        var context = ActivityExecutionContext.Current;
        var earlier = context.Info.HeartbeatDetails.Count > 0
            ? await context.Info.HeartbeatDetailAtAsync<List<NotificationAttempt>>(0)
            : [];
        var merchant = merchants.Find(notification.MerchantId);
        var url = notification.Url ?? merchant?.NotificationUrl;
        if (merchant is null || url is null || !NotificationUrls.IsAcceptable(url, options.Value.AllowPlainHttp))
        {
            var why = url is null ? "no notification URL is configured" : $"{url.Scheme} notification URLs are not allowed here";
            var missing = Record(earlier, new NotificationAttempt(context.Info.Attempt, time.GetUtcNow(), null, why));
            throw new ApplicationFailureException(
                $"Event {notification.EventId} was not sent: {why}.", NotificationErrorTypes.NoEndpoint, nonRetryable: true, details: [missing]);
        }

        var (status, error, retryAfter, notAllowed) = await PostAsync(url, notification, merchant.NotificationSecrets, context.CancellationToken);
        var attempts = Record(earlier, new NotificationAttempt(context.Info.Attempt, time.GetUtcNow(), status, error));
        logger.LogInformation(
            "Event {EventId} ({EventType}) to merchant {MerchantId}, attempt {Attempt}: {Outcome}",
            notification.EventId,
            notification.Type,
            notification.MerchantId,
            context.Info.Attempt,
            status?.ToString(CultureInfo.InvariantCulture) ?? error);
        if (status is >= 200 and < 300)
        {
            return attempts;
        }

        context.Heartbeat(attempts);
        throw status switch
        {
            410 => new ApplicationFailureException(
                $"The merchant's endpoint answered 410 Gone to event {notification.EventId}: no more events of this checkout go to {url}. Fix the URL, then redeliver.",
                NotificationErrorTypes.Gone,
                nonRetryable: true,
                details: [attempts]),
            >= 300 and < 400 => new ApplicationFailureException(
                $"The merchant's endpoint answered a redirect (HTTP {status}) to event {notification.EventId}; redirects are never followed.",
                NotificationErrorTypes.Refused,
                nonRetryable: true,
                details: [attempts]),
            null when notAllowed => new ApplicationFailureException(
                $"Event {notification.EventId} never reached the merchant's endpoint: {error}", NotificationErrorTypes.NotReached, nonRetryable: true, details: [attempts]),
            null => new ApplicationFailureException(
                $"Event {notification.EventId} has not reached the merchant's endpoint yet ({error}); retried.",
                NotificationErrorTypes.Unavailable,
                nonRetryable: false,
                details: [attempts]),
            _ => new ApplicationFailureException(
                $"The merchant's endpoint answered HTTP {status} to event {notification.EventId}; retried.",
                NotificationErrorTypes.Unavailable,
                nonRetryable: false,
                details: [attempts],
                nextRetryDelay: retryAfter),
        };
    }

    private static List<NotificationAttempt> Record(List<NotificationAttempt> earlier, NotificationAttempt attempt) =>
        [.. earlier.Append(attempt).TakeLast(MaxAttemptsKept)];

    private async Task<(int? Status, string? Error, TimeSpan? RetryAfter, bool NotAllowed)> PostAsync(
        Uri url, MerchantNotification notification, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(
            new MerchantEvent(notification.EventId, notification.Type, notification.CreatedAt, notification.Checkout, notification.Reason), CheckoutJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(NotificationSignature.Header, NotificationSignature.Create(time.GetUtcNow(), body, secrets));
        request.Headers.Add("Checkout-Event-Id", notification.EventId);
        request.Headers.Add("Checkout-Event-Type", notification.Type);
        try
        {
            var client = options.Value.AllowedPrivateUrls.Exists(allowed => IsUnder(url, allowed)) ? AllowedPrivateClient : PublicClient;
            using var response = await http.CreateClient(client).SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, null, response.Headers.RetryAfter?.Delta, false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is DestinationRefusedException refused)
        {
            return (null, refused.Message, null, true);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"never reached ({ex.HttpRequestError}): {ex.Message}", null, false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "no answer within 10 s", null, false);
        }
    }
}
