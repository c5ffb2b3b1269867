using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Providers.LakiPay;

public sealed class LakiPayProfile : ProviderProfile
{
    public override PaymentProvider Provider => PaymentProvider.LakiPay;

    public override ProviderCapabilities Capabilities { get; } = new(
        StatusLookup: true,
        // "reference: Unique id for this checkout session".
        CreateRetry: CreateRetrySafety.UniqueReference,
        AccountLevelWebhooks: false,
        LookupFindsUnpaidSessions: true,
        // [inferred] redirects.failed follows a failed attempt; nothing says the session closes with it.
        SessionClosesOnFailure: false);

    public override string Market => "ET";

    public override int RoutingRank => 2;

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

    public override void AddCallbackReader(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LakiPayWebhookOptions>().Bind(configuration.GetSection(LakiPayWebhookOptions.Section));
        services.AddSingleton<ProviderCallbackReader, LakiPayCallbackReader>();
    }

    // [inferred] The seed lists USD among currencies and CYBERSOURCE among methods; that USD goes only by card is read from the rails, not stated.
    protected override void AddProviderRules(CheckoutRequest request, List<FieldError> errors)
    {
        if (request.Amount.Currency == "USD" && !EffectiveMethods(request).SequenceEqual([PaymentMethod.Card]))
        {
            errors.Add(new(CheckoutFields.Currency, "LakiPay takes USD only by card (CYBERSOURCE): allow only \"card\"."));
        }
    }
}
