using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// Checkout ids and the references given to providers, keyed under the server's secret: one merchant
/// reference is always the same checkout (a retried request finds it), yet nobody without the key
/// can compute a checkout's id, a Chpter order id or an Adullam idempotency key.
/// </summary>
public sealed class CheckoutKeys
{
    /// <summary>Keys shorter than this are refused at start.</summary>
    public const int MinKeyLength = 32;

    /// <summary>Bytes of a tag: 128 bits.</summary>
    public const int TagLength = 16;

    private readonly IReadOnlyList<byte[]> keys;

    public CheckoutKeys(IOptions<CheckoutIdOptions> options)
    {
        keys = [.. options.Value.Keys.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>The id a new checkout for this merchant reference gets.</summary>
    public string IdFor(string merchantId, string merchantReference) => IdUnder(keys[0], merchantId, merchantReference);

    /// <summary>The ids the same reference had under earlier keys, where a checkout opened before a rotation lives.</summary>
    public IEnumerable<string> EarlierIdsFor(string merchantId, string merchantReference) =>
        keys.Skip(1).Select(key => IdUnder(key, merchantId, merchantReference));

    /// <summary>A positive 31-bit number for this checkout (Chpter's order_id is documented as an integer).</summary>
    public int Number(string purpose, string checkoutId) =>
        (int)(BitConverter.ToUInt32(Hash(keys[0], $"{purpose}\n{checkoutId}"), 0) % int.MaxValue) + 1;

    /// <summary>A version-5-shaped UUID for this checkout (Adullam's idempotency key is documented as a UUID).</summary>
    public Guid Uuid(string purpose, string checkoutId)
    {
        var bytes = Hash(keys[0], $"{purpose}\n{checkoutId}").AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A tag for something the API hands out and must recognise later (a page token), under the newest key.</summary>
    public byte[] Tag(string purpose, ReadOnlySpan<byte> data) => TagUnder(keys[0], purpose, data);

    /// <summary>Whether <paramref name="tag"/> was made by <see cref="Tag"/> under any key in the list.</summary>
    public bool IsTag(string purpose, ReadOnlySpan<byte> data, ReadOnlySpan<byte> tag)
    {
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(TagUnder(key, purpose, data), tag))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] TagUnder(byte[] key, string purpose, ReadOnlySpan<byte> data)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose + "\n");
        var message = new byte[purposeBytes.Length + data.Length];
        purposeBytes.CopyTo(message, 0);
        data.CopyTo(message.AsSpan(purposeBytes.Length));
        return HMACSHA256.HashData(key, message).AsSpan(0, TagLength).ToArray();
    }

    private static string IdUnder(byte[] key, string merchantId, string merchantReference) =>
        CheckoutIds.Prefix + Convert.ToHexStringLower(Hash(key, $"{merchantId}\n{merchantReference}").AsSpan(0, 16));

    private static byte[] Hash(byte[] key, string value) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
}
