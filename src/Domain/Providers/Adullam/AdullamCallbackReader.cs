using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Adullam;

/// <summary>
/// Adullam's webhooks are registered per account and name no checkout of ours. [inferred] Their
/// payload and the whsec_ signing scheme are undocumented, so every webhook is a hint: it yields the
/// provider ids it mentions (to find the checkout by) and may wake a status lookup, no more.
/// </summary>
public sealed class AdullamCallbackReader : ProviderCallbackReader
{
    public AdullamCallbackReader(CallbackUrls urls)
        : base(urls)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Adullam;

    protected override CallbackVerdict ReadPayload(ProviderCallback callback, JsonElement payload)
    {
        var data = payload.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : payload;
        string?[] candidates =
        [
            Text(data, "checkout_id"), Text(data, "checkout_session_id"), Text(payload, "checkout_id"),
            Text(data, "payment_id"), Text(data, "id"),
        ];
        var keys = candidates.OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return CallbackVerdict.Malformed("An Adullam webhook names a checkout or payment id.");
        }

        var claimed = Text(data, "status") is { } status ? AdullamStatuses.Map.Map(status, Text(data, "failure_reason")) : null;
        return CallbackVerdict.ForSession(keys, Hint(callback, claimed));
    }
}
