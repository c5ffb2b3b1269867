using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Providers.LakiPay;

public sealed class LakiPayProfile : ProviderProfile
{
    public override PaymentProvider Provider => PaymentProvider.LakiPay;

    public override ProviderCapabilities Capabilities { get; } = new(
        StatusLookup: true,
        Callbacks: CallbackTrust.Signature,
        // "reference: Unique id for this checkout session": a retry with our reference cannot open a second session.
        CreateRetry: CreateRetrySafety.UniqueReference,
        ConfigurableExpiry: false,
        Cancel: false,
        ReturnsCheckoutUrl: true,
        AccountLevelWebhooks: false);

    public override string Market => "ET";

    public override IReadOnlyCollection<string> AcceptedCurrencies { get; } = ["ETB", "USD"];

    public override IReadOnlyDictionary<PaymentMethod, string> MethodCodes { get; } = new Dictionary<PaymentMethod, string>
    {
        [PaymentMethod.MPesa] = "MPESA",
        [PaymentMethod.Telebirr] = "TELEBIRR",
        [PaymentMethod.Cbe] = "CBE",
        [PaymentMethod.EthSwitch] = "ETHSWITCH",
        [PaymentMethod.Card] = "CYBERSOURCE",
    };

    public override IReadOnlyList<PaymentMethod> DefaultMethods { get; } =
        [PaymentMethod.MPesa, PaymentMethod.Telebirr, PaymentMethod.Cbe, PaymentMethod.EthSwitch];

    protected override void AddProviderRules(CheckoutRequest request, List<FieldError> errors)
    {
        if (request.Amount.Currency == "USD" && !EffectiveMethods(request).SequenceEqual([PaymentMethod.Card]))
        {
            errors.Add(new(CheckoutFields.Currency, "LakiPay takes USD only by card (CYBERSOURCE): allow only \"card\"."));
        }
    }
}
