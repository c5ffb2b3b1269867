using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Callbacks;

/// <summary>
/// Turns one provider's callback into a verdict. A per-session callback with its checkout's token
/// is the provider's own; one without a valid token (our query string dropped, rewritten, or a
/// forgery) is found by the provider's ids instead and is a hint unless the provider's signature
/// verifies. Account-level webhooks carry no token at all: their reader finds the checkout by the
/// provider's ids. The provider's own reader decides what the payload says.
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
        var wrongToken = perSession && !tokenValid && (callback.CheckoutId is not null || callback.Token is not null);

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

            if (tokenValid || !perSession)
            {
                return ReadPayload(callback, document.RootElement);
            }

            var verdict = ReadWithoutToken(callback, document.RootElement);
            return wrongToken ? verdict with { Suspicion = "The callback URL's checkout token is wrong." } : verdict;
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

    /// <summary>A callback on its checkout's tokened URL: the provider sent it.</summary>
    protected static ProviderEvent Tokened(ProviderCallback callback, ProviderStatus? status, string? reference = null, string? reviewNote = null, string? paymentId = null) =>
        new(EventIdOf(callback), CallbackEvidence.Token, status, reference, callback.ReceivedAt, reviewNote, paymentId);

    /// <summary>A callback nothing verifies: only the status it claims reaches the checkout, and only as a reason to look.</summary>
    protected static ProviderEvent Hint(ProviderCallback callback, ProviderStatus? claimed) =>
        new ProviderEvent(EventIdOf(callback), CallbackEvidence.Hint, claimed, null, callback.ReceivedAt).AsHint();

    /// <summary>A callback to be found by the provider's ids it names; refused when it names none.</summary>
    protected static CallbackVerdict BySession(IEnumerable<string?> keys, ProviderEvent providerEvent)
    {
        var named = keys.OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return named.Count == 0
            ? CallbackVerdict.Unauthenticated("The callback carries neither our checkout token nor an id of the provider's to find its checkout by.")
            : CallbackVerdict.ForSession(named, providerEvent);
    }

    protected abstract CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload);

    /// <summary>
    /// A callback without a valid token. By default it is refused; providers whose callbacks name
    /// their own ids override this to find the checkout by them, as a hint.
    /// </summary>
    protected virtual CallbackVerdict ReadWithoutToken(ProviderCallback callback, JsonElement payload) =>
        CallbackVerdict.Unauthenticated("The callback URL's checkout token is missing or wrong.");
}
