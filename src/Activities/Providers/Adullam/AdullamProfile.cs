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

    public override string ReferenceFor(string checkoutId) => AdullamClient.IdempotencyKeyFor(checkoutId);

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
