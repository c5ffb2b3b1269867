using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Providers.Chpter;

public sealed class ChpterProfile : ProviderProfile
{
    public override PaymentProvider Provider => PaymentProvider.Chpter;

    public override ProviderCapabilities Capabilities { get; } = new(
        // Neither API generation documents a status endpoint.
        StatusLookup: false,
        // [inferred] No idempotency; a retry is safe only if nothing is payable before the page is opened,
        // and the seed does not say when the M-Pesa prompt is sent: read as "from the page".
        CreateRetry: CreateRetrySafety.HostedPageOnly,
        AccountLevelWebhooks: false,
        LookupFindsUnpaidSessions: false,
        // [inferred] Nothing says a failed attempt closes the page: follow it to our deadline.
        SessionClosesOnFailure: false);

    public override string Market => "KE";

    public override int RoutingRank => 4;

    // [inferred] The seed's examples and phone rules are Kenyan; no other currency is documented.
    public override IReadOnlyCollection<string> AcceptedCurrencies { get; } = ["KES"];

    public override bool NameRequired => true;

    public override bool EmailRequired => true;

    // Inferred from its hosted page: M-Pesa and card, which cannot be restricted.
    public override IReadOnlyList<PaymentMethod> OfferedMethods { get; } = [PaymentMethod.MPesa, PaymentMethod.Card];

    /// <summary>
    /// order_id is documented as an integer: a 31-bit number keyed from the checkout. Two checkouts
    /// share one about once per 46 000 pairs, so it is only ever checked against its own checkout,
    /// never used alone to find one whose token is intact.
    /// </summary>
    public override string ReferenceFor(string checkoutId, CheckoutKeys keys) =>
        keys.Number("chpter-order-id", checkoutId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override void AddCallbackReader(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProviderCallbackReader, ChpterCallbackReader>();
    }

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
