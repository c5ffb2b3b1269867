using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// Signs events the way merchants know from Stripe: <c>Checkout-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>,
/// where v1 is HMAC-SHA256 of "t.body" under the merchant's secret. While a secret is rotated,
/// each active secret adds its own v1.
/// </summary>
public static class NotificationSignature
{
    public const string Header = "Checkout-Signature";

    public static string Create(DateTimeOffset at, string body, IEnumerable<string> secrets)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{body}");
        var signatures = secrets.Select(secret => $"v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}");
        return $"t={timestamp},{string.Join(',', signatures)}";
    }
}
