using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Callbacks;

/// <summary>
/// Turns one provider's callback into a verdict. A per-session callback that carries a token must
/// carry its checkout's; one that arrives with no token at all (the provider dropped our query string)
/// is found by the provider's own ids instead and trusted only as far as its signature or a status
/// lookup allows. Then the provider's own reader decides what the payload says.
/// </summary>
public abstract class ProviderCallbackReader
{
    private readonly CallbackUrls urls;

    protected ProviderCallbackReader(CallbackUrls urls)
    {
        this.urls = urls;
    }

    public abstract PaymentProvider Provider { get; }

    public CallbackVerdict Read(ProviderCallback callback)
    {
        var perSession = !ProviderProfiles.For(Provider).Capabilities.AccountLevelWebhooks;
        var tokenValid = perSession && urls.IsValid(Provider, callback.CheckoutId, callback.Token);
        if (perSession && !tokenValid && (callback.CheckoutId is not null || callback.Token is not null))
        {
            return CallbackVerdict.Unauthenticated("The callback URL's checkout token is wrong.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(callback.RawBody);
        }
        catch (JsonException)
        {
            return CallbackVerdict.Malformed("The body is not JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return CallbackVerdict.Malformed("The body is not a JSON object.");
            }

            return perSession && !tokenValid ? ReadWithoutToken(callback, document.RootElement) : ReadPayload(callback, document.RootElement);
        }
    }

    /// <summary>Identical deliveries share an id, so a workflow ignores a provider's retries.</summary>
    protected static string EventIdOf(ProviderCallback callback) =>
        $"{callback.Provider.ToSlug()}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(callback.RawBody)))}";

    protected static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    protected static decimal? Amount(JsonElement element, string name) =>
        decimal.TryParse(Text(element, name), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    /// <summary>A callback that only tells the checkout to look its status up.</summary>
    protected static CallbackVerdict Trigger(ProviderCallback callback, ProviderStatus? hint, string? paymentId = null) =>
        CallbackVerdict.ForCheckout(callback.CheckoutId!, new ProviderEvent(EventIdOf(callback), false, hint, null, callback.ReceivedAt, ProviderPaymentId: paymentId));

    /// <summary>A callback to be found by the provider's ids it names; refused when it names none.</summary>
    protected static CallbackVerdict BySession(ProviderCallback callback, IEnumerable<string?> keys, ProviderEvent providerEvent)
    {
        var named = keys.OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return named.Count == 0
            ? CallbackVerdict.Unauthenticated("The callback carries neither our checkout token nor an id of the provider's to find its checkout by.")
            : CallbackVerdict.ForSession(named, providerEvent);
    }

    protected abstract CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload);

    /// <summary>
    /// A per-session callback without our query string. By default it is refused; providers whose
    /// callbacks name their own ids override this to find the checkout by them.
    /// </summary>
    protected virtual CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        CallbackVerdict.Unauthenticated("The callback URL's checkout token is missing.");
}
