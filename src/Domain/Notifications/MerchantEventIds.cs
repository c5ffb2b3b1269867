using System.Security.Cryptography;
using System.Text;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// An event's id is derived from its checkout and what it tells (a final status, a late payment,
/// one review reason), so a receiver that sees one twice knows it is a retry, whichever workflow
/// sent it. Since 1.1 the id names its checkout, so the API finds an event by its id alone.
/// </summary>
public static class MerchantEventIds
{
    private const string Prefix = "evt_";

    /// <summary>The id the merchant sees (1.1): <c>evt_&lt;the checkout's 32 hex&gt;_&lt;16 hex&gt;</c>.</summary>
    public static string For(string checkoutId, string type, ReviewReason? reason) =>
        CheckoutIds.IsWellFormed(checkoutId)
            ? $"{Prefix}{checkoutId[CheckoutIds.Prefix.Length..]}_{Hash(checkoutId, type, reason)[..16]}"
            : DeliveryIdFor(checkoutId, type, reason);

    /// <summary>
    /// The id of the activity that delivers the event (and, for checkouts started before 1.1, the
    /// event's own id): unchanged since 1.0, so recorded histories keep their commands.
    /// </summary>
    public static string DeliveryIdFor(string checkoutId, string type, ReviewReason? reason) => Prefix + Hash(checkoutId, type, reason)[..24];

    /// <summary>The checkout an event id of 1.1 names, or null for any other text.</summary>
    public static string? CheckoutOf(string? eventId)
    {
        if (eventId is not { Length: 4 + 32 + 1 + 16 } || !eventId.StartsWith(Prefix, StringComparison.Ordinal) || eventId[36] != '_')
        {
            return null;
        }

        var checkoutId = CheckoutIds.Prefix + eventId[4..36];
        return CheckoutIds.IsWellFormed(checkoutId) ? checkoutId : null;
    }

    private static string Hash(string checkoutId, string type, ReviewReason? reason) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{checkoutId}:{type}:{reason}")));
}
