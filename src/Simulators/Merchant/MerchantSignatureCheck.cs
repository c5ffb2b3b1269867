using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CheckoutOrchestrator.Simulators.Merchant;

/// <summary>
/// What a merchant's receiver does with the Checkout-Signature header, written from the README as a
/// merchant would write it: parse t and every v1, refuse a timestamp outside the tolerance, and
/// compare HMAC-SHA256 of "t.body" in constant time against each secret the merchant holds.
/// </summary>
public static class MerchantSignatureCheck
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the signature is good; otherwise why not.</summary>
    public static string? Problem(string? header, string body, IEnumerable<string> secrets, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return "no Checkout-Signature header";
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var timestamp = parts.FirstOrDefault(p => p[0] == "t")?[1];
        var signatures = parts.Where(p => p[0] == "v1").Select(p => p[1]).ToList();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signatures.Count == 0)
        {
            return "the header has no t or no v1";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return "the timestamp is outside the tolerance";
        }

        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{body}");
        foreach (var secret in secrets)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            if (signatures.Any(s => IsHex(s) && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(s))))
            {
                return null;
            }
        }

        return "no v1 matches a secret of this merchant";
    }

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
