using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public sealed class KiotapayProfile : ProviderProfile
{
    public override PaymentProvider Provider => PaymentProvider.Kiotapay;

    public override ProviderCapabilities Capabilities { get; } = new(
        StatusLookup: true,
        // [inferred] No idempotency header; a retry is safe only if nothing is payable before the page is
        // opened. The seed leaves open whether an M-Pesa prompt goes out at create: read as "at the page".
        CreateRetry: CreateRetrySafety.HostedPageOnly,
        AccountLevelWebhooks: false,
        LookupFindsUnpaidSessions: true,
        // [inferred] FAILED is listed among session states, yet the page stays open for another attempt.
        SessionClosesOnFailure: false);

    public override string Market => "KE";

    public override int RoutingRank => 1;

    // [inferred] The checkout API is documented with KES only (its STK API also names TZS and UGX).
    public override IReadOnlyCollection<string> AcceptedCurrencies { get; } = ["KES"];

    public override IReadOnlyDictionary<PaymentMethod, string> MethodCodes { get; } = new Dictionary<PaymentMethod, string>
    {
        [PaymentMethod.Card] = "CARD",
        [PaymentMethod.MPesa] = "MPESA_STK",
    };

    public override IReadOnlyList<PaymentMethod> DefaultMethods { get; } = [PaymentMethod.Card, PaymentMethod.MPesa];

    // The phone is optional and informational at Kiotapay, and its own example (+237612345678) is a
    // possible but unassigned number: any international number of a possible length is sent as given.
    public override bool PhoneRequired => false;

    // "description: string, yes": without one Kiotapay refuses the create.
    public override bool DescriptionRequired => true;

    public override void AddCallbackReader(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProviderCallbackReader, KiotapayCallbackReader>();
    }

    // [inferred] Decimals are undocumented for checkout; Kiotapay's STK API takes whole numbers only.
    protected override bool RequiresWholeUnits(CheckoutRequest request) =>
        EffectiveMethods(request).Contains(PaymentMethod.MPesa);
}
