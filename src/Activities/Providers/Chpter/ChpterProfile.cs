using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Providers.Chpter;

public sealed class ChpterProfile : ProviderProfile
{
    public override PaymentProvider Provider => PaymentProvider.Chpter;

    public override ProviderCapabilities Capabilities { get; } = new(
        // Neither API generation documents a status endpoint.
        StatusLookup: false,
        Callbacks: CallbackTrust.SecretUrlToken,
        CreateRetry: CreateRetrySafety.None,
        ConfigurableExpiry: false,
        Cancel: false,
        ReturnsCheckoutUrl: true,
        AccountLevelWebhooks: false);

    public override string Market => "KE";

    public override IReadOnlyCollection<string> AcceptedCurrencies { get; } = ["KES"];

    public override bool NameRequired => true;

    public override bool EmailRequired => true;

    public override string ReferenceFor(string checkoutId) => ChpterClient.OrderIdFor(checkoutId);

    // "total: A positive integer representing how much to charge".
    protected override bool RequiresWholeUnits(CheckoutRequest request) => true;

    protected override void AddProviderRules(CheckoutRequest request, List<FieldError> errors)
    {
        var phoneAlreadyRefused = errors.Any(e => e.Field == CheckoutFields.CustomerPhone);
        if (request.Customer.Phone is { } phone && !phoneAlreadyRefused
            && !(phone.StartsWith("+2547", StringComparison.Ordinal) || phone.StartsWith("+2541", StringComparison.Ordinal)))
        {
            errors.Add(new(CheckoutFields.CustomerPhone, "Chpter takes Kenyan numbers 2547xxxxxxxx or 2541xxxxxxxx."));
        }
    }
}
