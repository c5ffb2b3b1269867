namespace CheckoutOrchestrator.Checkouts;

/// <summary>A late payment as merchants see it: what was paid, the provider's ids, when and how we learned it.</summary>
public sealed record LatePaymentView(
    AmountView Amount,
    string? ProviderStatus,
    string? ProviderSessionId,
    string? ProviderPaymentId,
    string? ProviderReference,
    DateTimeOffset LearnedAt,
    StatusSource Source,
    string Evidence)
{
    public static LatePaymentView From(LatePayment payment) => new(
        AmountView.From(payment.Amount),
        payment.ProviderStatus,
        payment.ProviderSessionId,
        payment.ProviderPaymentId,
        payment.ProviderReference,
        payment.LearnedAt,
        payment.Source,
        payment.Evidence);
}
