using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Workflows.Rules;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// A checkout as the API and operators see it: where it stands, the provider's ids, where the
/// customer pays, every status change, a payment that came after the end, and every event sent to
/// the merchant. The workflow returns its last snapshot as its result.
/// </summary>
public sealed record CheckoutSnapshot(
    string CheckoutId,
    string MerchantId,
    string MerchantReference,
    PaymentProvider Provider,
    Money Amount,
    PaymentStatus Status,
    bool SessionOpened,
    string? ProviderStatus,
    string? ProviderSessionId,
    string? ProviderReference,
    string? ProviderPaymentId,
    Uri? CheckoutUrl,
    CustomerAction? Action,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? CompletedAt,
    string? FailureReason,
    CheckoutFailure? CreateFailure,
    IReadOnlyList<ReviewNote> ReviewNotes,
    IReadOnlyList<TimelineEntry> Timeline,
    string RequestFingerprint,
    LatePayment? LatePayment = null,
    DateTimeOffset? WatchingForLatePaymentUntil = null,
    IReadOnlyList<NotificationRecord>? Notifications = null,
    Uri? NotificationUrl = null,
    DateTimeOffset? ProviderCreatedAt = null,
    RoutingView? Routing = null)
{
    /// <summary>A review note is open: on the operators' list until the last is resolved.</summary>
    public bool NeedsReview => ReviewNotes.Any(n => n.IsOpen);

    /// <summary>The reasons of the open review notes, in a stable order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ReviewReason> OpenReviewReasons => [.. ReviewNotes.Where(n => n.IsOpen).Select(n => n.Reason).Order()];

    public bool IsFinal => Status.IsTerminal();

    /// <summary>The checkout as its rules' parts hold it now.</summary>
    public static CheckoutSnapshot Of(
        CheckoutTerms terms, CheckoutLedger ledger, SessionRecord provider, DateTimeOffset deadline, DateTimeOffset? watchUntil, IReadOnlyList<NotificationRecord> notifications)
    {
        var session = provider.Session;
        return new(
            CheckoutId: terms.CheckoutId,
            MerchantId: terms.MerchantId,
            MerchantReference: terms.MerchantReference,
            Provider: terms.Provider,
            Amount: terms.Amount,
            Status: ledger.Status,
            SessionOpened: session is not null,
            ProviderStatus: provider.LastStatus,
            ProviderSessionId: session?.SessionId,
            ProviderReference: session?.Reference,
            ProviderPaymentId: session?.PaymentId,
            CheckoutUrl: session?.CheckoutUrl,
            Action: session?.Action,
            CreatedAt: terms.CreatedAt,
            ExpiresAt: session is null ? null : deadline,
            CompletedAt: ledger.FinishedAt,
            FailureReason: ledger.FailureReason,
            CreateFailure: provider.CreateFailure,
            ReviewNotes: [.. ledger.ReviewNotes],
            Timeline: [.. ledger.Timeline],
            RequestFingerprint: terms.RequestFingerprint,
            LatePayment: ledger.LatePayment,
            WatchingForLatePaymentUntil: watchUntil,
            Notifications: notifications,
            NotificationUrl: terms.NotificationUrl,
            ProviderCreatedAt: session?.CreatedAt,
            Routing: provider.Routing);
    }

    /// <summary>The provider's session as this snapshot shows it, to go on asking about it.</summary>
    public ProviderSession Session() =>
        new(ProviderReference ?? CheckoutId, ProviderSessionId, ProviderPaymentId, CheckoutUrl, Action, ExpiresAt, new ProviderStatus(ProviderStatus ?? string.Empty, null), ProviderCreatedAt);

    public CheckoutView ToView() => new(
        CheckoutId,
        MerchantId,
        MerchantReference,
        Provider.ToSlug(),
        Status,
        AmountView.From(Amount),
        CheckoutUrl,
        Action,
        ProviderSessionId,
        ProviderReference,
        ProviderPaymentId,
        ProviderStatus,
        CreatedAt,
        ExpiresAt,
        CompletedAt,
        FailureReason,
        NeedsReview,
        ReviewNotes,
        LatePayment is null ? null : LatePaymentView.From(LatePayment),
        WatchingForLatePaymentUntil,
        Notifications ?? [],
        Timeline,
        Routing);
}
