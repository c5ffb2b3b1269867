using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Providers.Waftpay;

public sealed class WaftpayProfile : ProviderProfile
{
    public override PaymentProvider Provider => PaymentProvider.Waftpay;

    public override ProviderCapabilities Capabilities { get; } = new(
        StatusLookup: true,
        // "checkout_reference must be unique per request".
        CreateRetry: CreateRetrySafety.UniqueReference,
        AccountLevelWebhooks: false,
        // The transaction status query knows a payment only once the customer has tried to pay, so its
        // "not found" is the normal answer for an unpaid checkout, never a reason for review.
        LookupFindsUnpaidSessions: false,
        // [inferred] Nothing says a FAILED payment closes the checkout page.
        SessionClosesOnFailure: false);

    public override string Market => "KE";

    public override int RoutingRank => 3;

    public override IReadOnlyCollection<string> AcceptedCurrencies { get; } = ["KES"];

    // [inferred] first_name is required: the field table is missing from the docs.
    public override bool NameRequired => true;

    // Inferred: the documents describe M-Pesa collections only; the page cannot be restricted, and offers nothing else.
    public override IReadOnlyList<PaymentMethod> OfferedMethods { get; } = [PaymentMethod.MPesa];

    public override void AddCallbackReader(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProviderCallbackReader, WaftpayCallbackReader>();
    }

    // [inferred] The only example amount is an integer and the rail is M-Pesa.
    protected override bool RequiresWholeUnits(CheckoutRequest request) => true;
}
