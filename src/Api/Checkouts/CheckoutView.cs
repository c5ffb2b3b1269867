using System.Globalization;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using CheckoutOrchestrator.Workflows;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>A checkout as the API shows it. Amounts are strings, so no client reads them as floats.</summary>
public sealed record CheckoutView(
    string CheckoutId,
    string MerchantId,
    string MerchantReference,
    string Provider,
    PaymentStatus Status,
    AmountView Amount,
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
    IReadOnlyList<string> ReviewNotes,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public static CheckoutView From(CheckoutSnapshot snapshot) => new(
        snapshot.CheckoutId,
        snapshot.MerchantId,
        snapshot.MerchantReference,
        snapshot.Provider.ToSlug(),
        snapshot.Status,
        AmountView.From(snapshot.Amount),
        snapshot.CheckoutUrl,
        snapshot.Action,
        snapshot.ProviderSessionId,
        snapshot.ProviderReference,
        snapshot.ProviderPaymentId,
        snapshot.ProviderStatus,
        snapshot.CreatedAt,
        snapshot.ExpiresAt,
        snapshot.CompletedAt,
        snapshot.FailureReason,
        snapshot.NeedsReview,
        snapshot.ReviewNotes,
        snapshot.Timeline);
}

public sealed record AmountView(string Value, string Currency)
{
    /// <summary>Written with the currency's minor units (250.00 ETB, 500 XOF).</summary>
    public static AmountView From(Money money) =>
        new(
            Currencies.TryGetMinorUnits(money.Currency, out var minorUnits)
                ? money.Value.ToString($"F{minorUnits}", CultureInfo.InvariantCulture)
                : money.Value.ToString(CultureInfo.InvariantCulture),
            money.Currency);
}
