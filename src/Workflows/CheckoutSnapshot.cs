using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;

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
    IReadOnlyList<string> ReviewNotes,
    IReadOnlyList<TimelineEntry> Timeline,
    string RequestFingerprint,
    LatePayment? LatePayment = null,
    DateTimeOffset? WatchingForLatePaymentUntil = null,
    IReadOnlyList<NotificationRecord>? Notifications = null,
    Uri? NotificationUrl = null)
{
    public bool NeedsReview => ReviewNotes.Count > 0;

    public bool IsFinal => Status.IsTerminal();

    /// <summary>The checkout as its ledger and session say; the deadline is shown once a session is open.</summary>
    public static CheckoutSnapshot Of(
        CheckoutWorkflowInput input,
        CheckoutLedger ledger,
        ProviderSession? session,
        string? providerStatus,
        DateTimeOffset createdAt,
        DateTimeOffset deadline,
        CheckoutFailure? createFailure = null,
        DateTimeOffset? watchUntil = null,
        IReadOnlyList<NotificationRecord>? notifications = null) => new(
        input.CheckoutId,
        input.Request.MerchantId,
        input.Request.MerchantReference,
        input.Request.Provider,
        input.Request.Amount,
        ledger.Status,
        session is not null,
        providerStatus,
        session?.SessionId,
        session?.Reference,
        session?.PaymentId,
        session?.CheckoutUrl,
        session?.Action,
        createdAt,
        session is null ? null : deadline,
        ledger.FinishedAt,
        ledger.FailureReason,
        createFailure,
        ledger.ReviewNotes,
        ledger.Timeline,
        input.RequestFingerprint,
        ledger.LatePayment,
        watchUntil,
        notifications ?? [],
        input.Request.NotificationUrl);

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
        Timeline);
}
