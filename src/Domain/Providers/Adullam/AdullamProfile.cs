using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Providers.Adullam;

public sealed class AdullamProfile : ProviderProfile
{
    public const decimal MinimumAmount = 100;

    public override PaymentProvider Provider => PaymentProvider.Adullam;

    /// <summary>100 requests a minute and 1 000 an hour per account: 0.25 calls a second leaves a tenth of the hour for token logins and multi-page lookups.</summary>
    public override CallBudget CallBudget { get; } = new(CallsPerSecond: 0.25);

    public override ProviderCapabilities Capabilities { get; } = new(
        StatusLookup: true,
        CreateRetry: CreateRetrySafety.IdempotencyKey,
        // Webhooks are registered per account and name only Adullam's ids.
        AccountLevelWebhooks: true,
        LookupFindsUnpaidSessions: true,
        // [inferred] "failed" is a documented session state, but whether a declined phone prompt can be
        // followed by another for the same session is not: the reading rejected for Kiotapay. Followed
        // to the deadline, so a payment after a declined prompt is never ended as failed.
        SessionClosesOnFailure: false);

    public override string Market => "CI";

    public override int RoutingRank => 5;

    public override IReadOnlyCollection<string> AcceptedCurrencies { get; } = ["XOF"];

    public override bool RedirectsRequired => false;

    /// <summary>The idempotency-key header is documented as a UUID: one keyed from the checkout, the same on every attempt.</summary>
    public override string ReferenceFor(string checkoutId, CheckoutKeys keys) => keys.Uuid("adullam-idempotency-key", checkoutId).ToString("D");

    public override void AddCallbackReader(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProviderCallbackReader, AdullamCallbackReader>();
    }

    protected override bool RequiresWholeUnits(CheckoutRequest request) => true;

    // Adullam's own example (+22507987654) uses the 8-digit numbering Côte d'Ivoire left in 2021. The
    // payment prompt goes to this phone, so the number is refused rather than guessed into 10 digits.
    protected override string PhoneRefusal(string phone) =>
        phone.StartsWith("+225", StringComparison.Ordinal) && PhoneNumberRules.NationalDigits(phone) == 8
            ? "Côte d'Ivoire mobile numbers have 10 digits since 2021 (e.g. +2250707987654); send the customer's current number."
            : base.PhoneRefusal(phone);

    protected override void AddProviderRules(CheckoutRequest request, List<FieldError> errors)
    {
        if (request.Amount.Value < MinimumAmount)
        {
            errors.Add(new(CheckoutFields.Amount, $"Adullam takes at least {MinimumAmount} XOF."));
        }
    }
}
