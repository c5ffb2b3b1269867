using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// What a merchant asks for: one hosted checkout at one provider (or, when the merchant named none,
/// at the first of the providers that take it, with the others as <see cref="Alternatives"/>). Normalised (E.164 phone,
/// upper-case currency) and validated before a workflow ever sees it. <see cref="NotificationUrl"/>
/// overrides, for this checkout, where the merchant's events go.
/// </summary>
public sealed record CheckoutRequest(
    string MerchantId,
    string MerchantReference,
    PaymentProvider Provider,
    Money Amount,
    string Description,
    Customer Customer,
    RedirectUrls? Redirects,
    IReadOnlyList<PaymentMethod> AllowedMethods,
    int ExpiresInSeconds,

    // Left out when null, so requests written before it existed keep their fingerprint.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Uri? NotificationUrl = null,

    // A checkout that named no provider: the others that take it, in order, after Provider (the first choice).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PaymentProvider>? Alternatives = null);

/// <summary>The paying customer. The phone number is E.164 (<c>+2547…</c>).</summary>
public sealed record Customer(string? Name, string? Phone, string? Email);

/// <summary>
/// Where the merchant wants its customer after the payment page: success (paid), failure (ended
/// unpaid), cancel, and pending (not final yet when the customer came back; else success with
/// status=processing). Providers get our return URLs instead; these are where our return page sends the customer.
/// </summary>
public sealed record RedirectUrls(
    Uri Success,
    Uri Failure,
    Uri? Cancel = null,

    // Left out when null, so requests written before it existed keep their fingerprint.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Uri? Pending = null)
{
    public Uri CancelOrFailure => Cancel ?? Failure;
}
