using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Providers.Adullam;

public sealed class AdullamProfile : ProviderProfile
{
    public const decimal MinimumAmount = 100;

    public override PaymentProvider Provider => PaymentProvider.Adullam;

    public override ProviderCapabilities Capabilities { get; } = new(
        StatusLookup: true,
        // [inferred] Webhooks carry a whsec_ secret whose signing scheme is undocumented.
        Callbacks: CallbackTrust.ConfirmByStatusLookup,
        CreateRetry: CreateRetrySafety.IdempotencyKey,
        ConfigurableExpiry: true,
        Cancel: false,
        // The customer approves on the phone; the session has no page.
        ReturnsCheckoutUrl: false,
        AccountLevelWebhooks: true);

    public override string Market => "CI";

    public override IReadOnlyCollection<string> AcceptedCurrencies { get; } = ["XOF"];

    public override bool RedirectsRequired => false;

    protected override bool RequiresWholeUnits(CheckoutRequest request) => true;

    protected override void AddProviderRules(CheckoutRequest request, List<FieldError> errors)
    {
        if (request.Amount.Value < MinimumAmount)
        {
            errors.Add(new(CheckoutFields.Amount, $"Adullam takes at least {MinimumAmount} XOF."));
        }
    }
}
