using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Callbacks;

/// <summary>
/// Turns one provider's callback into a verdict. Per-session callbacks must carry their checkout's
/// token; then the provider's own reader decides what the payload says and how far to trust it.
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
        if (!ProviderProfiles.For(Provider).Capabilities.AccountLevelWebhooks
            && !urls.IsValid(Provider, callback.CheckoutId, callback.Token))
        {
            return CallbackVerdict.Unauthenticated("The callback URL's checkout token is missing or wrong.");
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
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ReadPayload(callback, document.RootElement)
                : CallbackVerdict.Malformed("The body is not a JSON object.");
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
    protected static CallbackVerdict Trigger(ProviderCallback callback, ProviderStatus? hint) =>
        CallbackVerdict.ForCheckout(callback.CheckoutId!, new ProviderEvent(EventIdOf(callback), false, hint, null, callback.ReceivedAt));

    protected abstract CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload);
}
