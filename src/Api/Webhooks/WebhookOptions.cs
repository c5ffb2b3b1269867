using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>Section "Webhooks": how much any caller, and any unauthenticated callback, may cost.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Callbacks without their checkout's valid token, a minute, from one client address to one
    /// provider's endpoint; past this the API answers 429 with Retry-After. Tokened callbacks are not counted.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Callbacks with their checkout's valid token, a minute, from one client address to one
    /// provider's endpoint: far above a busy provider (tens a second), still a wall for a flood.
    /// </summary>
    [Range(1, 10_000_000)]
    public int TokenedRequestsPerMinute { get; set; } = 12_000;

    /// <summary>
    /// Callbacks without a valid token or signature reach a checkout at most once per this interval
    /// from one API instance; the checkout itself looks its status up at most once per interval too.
    /// </summary>
    public TimeSpan HintInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Once a checkout's history (its current run) holds this many events, unauthenticated callbacks
    /// no longer reach it at all; its polls and deadline still look the status up. Well under
    /// Temporal's 10 240-event warning and 51 200-event limit.
    /// </summary>
    [Range(100, 10_000)]
    public int HintHistoryBudget { get; set; } = 2_000;

    /// <summary>
    /// How long an authenticated word of progress may wait for the checkout's next callback, to
    /// share its signal, before it is sent on its own (see <see cref="ProgressHold"/>). Zero: never held.
    /// </summary>
    public TimeSpan ProgressHold { get; set; } = TimeSpan.FromMinutes(1);
}
