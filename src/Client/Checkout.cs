namespace CheckoutOrchestrator.Client;

/// <summary>
/// A checkout as the API answers it and as events carry it. Statuses and other enumerated values
/// are strings (see <see cref="CheckoutStatuses"/>), so a value added by a later API version reads
/// instead of failing.
/// </summary>
public sealed record Checkout(
    string CheckoutId,
    string MerchantId,
    string MerchantReference,
    string Provider,
    string Status,
    Amount Amount,
    Uri? CheckoutUrl,
    CustomerAction? Action,
    string? ProviderSessionId,
    string? ProviderReference,
    string? ProviderPaymentId,
    string? ProviderStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? CompletedAt,
    string? FailureReason,
    bool NeedsReview,
    IReadOnlyList<ReviewNote> ReviewNotes,
    LatePayment? LatePayment,
    DateTimeOffset? WatchingForLatePaymentUntil,
    IReadOnlyList<EventDelivery> Notifications,
    IReadOnlyList<TimelineEntry> Timeline,
    Routing? Routing)
{
    /// <summary>Whether the status is final (succeeded, failed, expired or cancelled): it never changes again.</summary>
    public bool IsFinal => CheckoutStatuses.IsFinal(Status);
}

/// <summary>
/// How a checkout that named no provider found one: the providers that take it in the order tried,
/// the one that took it, and why each before it was passed over.
/// </summary>
public sealed record Routing(IReadOnlyList<string> Providers, string Chosen, bool FailedOver, IReadOnlyList<string> PassedOver);

/// <summary>Major units as a decimal string (never a float) and the ISO 4217 currency.</summary>
public sealed record Amount(string Value, string Currency)
{
    /// <summary>The amount as a decimal, read exactly from its string (never through a float).</summary>
    public decimal ToDecimal() => decimal.Parse(Value, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the customer must do when there is no page to open (e.g. approve a prompt on the phone).</summary>
public sealed record CustomerAction(string Kind, string Instructions, string? Phone);

/// <summary>Why a person should look, since when, and how an operator resolved it (null while open).</summary>
public sealed record ReviewNote(string Reason, string Note, DateTimeOffset At, ReviewResolution? Resolution = null);

/// <summary>
/// An operator's resolution of a review note: <c>confirmed_paid</c>, <c>confirmed_unpaid</c>, <c>refunded</c>,
/// <c>fulfilled</c> or <c>dismissed</c>, what they found, who they are, and when.
/// </summary>
public sealed record ReviewResolution(string Outcome, string Note, string ResolvedBy, DateTimeOffset At);

/// <summary>Money that arrived after the checkout ended: refund it or fulfil the order.</summary>
public sealed record LatePayment(
    Amount Amount,
    string? ProviderStatus,
    string? ProviderSessionId,
    string? ProviderPaymentId,
    string? ProviderReference,
    DateTimeOffset LearnedAt,
    string Source,
    string Evidence);

/// <summary>One thing that happened to the checkout: a status change, a failed attempt, or a late payment (with its amount).</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    string Status,
    string Source,
    string? ProviderStatus,
    string? Detail,
    string Kind,
    Amount? Amount);

/// <summary>An event sent to the merchant, and how its delivery went.</summary>
public sealed record EventDelivery(
    string EventId,
    string Type,
    DateTimeOffset CreatedAt,
    string State,
    IReadOnlyList<DeliveryAttempt> Attempts,
    DateTimeOffset? DeliveredAt,
    string? Error,
    string? Reason,
    DateTimeOffset? NextAttemptAt);

/// <summary>One attempt to deliver an event.</summary>
public sealed record DeliveryAttempt(int Attempt, DateTimeOffset At, int? HttpStatus, string? Error);
