using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Callbacks;

/// <summary>
/// Callback URLs name their checkout and carry a token: an HMAC of provider and checkout under
/// our signing key. The token is computed where it is needed (the create activity, the webhook
/// endpoint) and is never stored, so it never enters a workflow history.
/// </summary>
public sealed class CallbackUrls
{
    public const string CheckoutParameter = "checkout";
    public const string TokenParameter = "token";
    public const string OutcomeParameter = "outcome";

    // No provider's slug: a return token never passes as a callback token, nor the other way round.
    private const string ReturnPurpose = "customer-return";

    private readonly IOptions<CallbackOptions> options;

    public CallbackUrls(IOptions<CallbackOptions> options)
    {
        this.options = options;
    }

    /// <summary>The URL a provider posts one checkout's callbacks to, signed with the newest key.</summary>
    public Uri ForCheckout(PaymentProvider provider, string checkoutId) =>
        new($"{AccountWebhook(provider)}?{CheckoutParameter}={Uri.EscapeDataString(checkoutId)}&{TokenParameter}={TokenFor(options.Value.SigningKeys[0], provider.ToSlug(), checkoutId)}");

    /// <summary>
    /// Where a provider sends the customer back (outcome: success, failure or cancel): our page, which
    /// waits for the truth before it sends the customer on to the merchant.
    /// </summary>
    public Uri ForReturn(string checkoutId, string outcome) =>
        new($"{options.Value.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/return/{Uri.EscapeDataString(checkoutId)}?{OutcomeParameter}={outcome}&{TokenParameter}={TokenFor(options.Value.SigningKeys[0], ReturnPurpose, checkoutId)}");

    /// <summary>The redirect URLs a provider gets for a checkout whose merchant gave some: ours, one per outcome.</summary>
    public RedirectUrls? ReturnsFor(string checkoutId, RedirectUrls? merchants) => merchants is null
        ? null
        : new(ForReturn(checkoutId, "success"), ForReturn(checkoutId, "failure"), merchants.Cancel is null ? null : ForReturn(checkoutId, "cancel"));

    public bool IsValidReturn(string? checkoutId, string? token) => IsValid(ReturnPurpose, checkoutId, token);

    /// <summary>The URL registered once per account, for providers without per-session callbacks.</summary>
    public Uri AccountWebhook(PaymentProvider provider) =>
        new($"{options.Value.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/webhooks/{provider.ToSlug()}");

    public bool IsValid(PaymentProvider provider, string? checkoutId, string? token) => IsValid(provider.ToSlug(), checkoutId, token);

    private static string TokenFor(string key, string purpose, string checkoutId)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{purpose}:{checkoutId}"));
        return Base64Url.EncodeToString(mac);
    }

    private bool IsValid(string purpose, string? checkoutId, string? token)
    {
        if (string.IsNullOrEmpty(checkoutId) || string.IsNullOrEmpty(token))
        {
            return false;
        }

        var presented = Encoding.ASCII.GetBytes(token);
        return options.Value.SigningKeys.Exists(
            key => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenFor(key, purpose, checkoutId)), presented));
    }
}
