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

    private readonly IOptions<CallbackOptions> options;

    public CallbackUrls(IOptions<CallbackOptions> options)
    {
        this.options = options;
    }

    /// <summary>The URL a provider posts one checkout's callbacks to, signed with the newest key.</summary>
    public Uri ForCheckout(PaymentProvider provider, string checkoutId) =>
        new($"{AccountWebhook(provider)}?{CheckoutParameter}={Uri.EscapeDataString(checkoutId)}&{TokenParameter}={TokenFor(options.Value.SigningKeys[0], provider, checkoutId)}");

    /// <summary>The URL registered once per account, for providers without per-session callbacks.</summary>
    public Uri AccountWebhook(PaymentProvider provider) =>
        new($"{options.Value.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/webhooks/{provider.ToSlug()}");

    public bool IsValid(PaymentProvider provider, string? checkoutId, string? token)
    {
        if (string.IsNullOrEmpty(checkoutId) || string.IsNullOrEmpty(token))
        {
            return false;
        }

        var presented = Encoding.ASCII.GetBytes(token);
        return options.Value.SigningKeys.Exists(
            key => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenFor(key, provider, checkoutId)), presented));
    }

    private static string TokenFor(string key, PaymentProvider provider, string checkoutId)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{provider.ToSlug()}:{checkoutId}"));
        return Base64Url.EncodeToString(mac);
    }
}
