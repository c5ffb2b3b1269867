using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A checkout's id is derived from the merchant and the merchant's reference, so a retried
/// request finds the checkout it already opened instead of opening a second one.
/// </summary>
public static class CheckoutIds
{
    public const string Prefix = "co_";

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static string For(string merchantId, string merchantReference)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{merchantId}\n{merchantReference}"));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    public static bool IsWellFormed(string? checkoutId) =>
        checkoutId is { Length: 35 }
        && checkoutId.StartsWith(Prefix, StringComparison.Ordinal)
        && !checkoutId.AsSpan(Prefix.Length).ContainsAnyExcept(LowerHex);

    /// <summary>A stable GUID-shaped key for providers that want a UUID per logical request.</summary>
    public static Guid StableGuid(string checkoutId, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\n{checkoutId}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>
    /// A stable positive 32-bit integer for providers whose reference is documented as an integer
    /// (Chpter's order_id). 31 bits can collide: two checkouts in about 46 000 share one by chance
    /// half the time, so such a number is only ever checked against its own checkout, never used alone to find one.
    /// </summary>
    public static int StableInt32(string checkoutId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(checkoutId));
        return (int)(BitConverter.ToUInt32(hash, 0) % int.MaxValue) + 1;
    }
}
