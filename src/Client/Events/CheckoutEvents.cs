using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CheckoutOrchestrator.Client.Events;

/// <summary>
/// Checks the <c>Checkout-Signature</c> header (<c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=...]</c>,
/// HMAC-SHA256 of "t.body" under a signing secret) and reads the event. While secrets rotate, the
/// orchestrator signs with each active secret and the merchant may hold several: one match is enough.
/// </summary>
public static class CheckoutEvents
{
    /// <summary>The header every event carries its signature in.</summary>
    public const string SignatureHeader = "Checkout-Signature";

    /// <summary>How far an event's timestamp may be from now unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The event, if the header proves it came from the orchestrator within the tolerance; else a <see cref="CheckoutSignatureException"/>.</summary>
    public static CheckoutEvent Verify(string? header, string rawBody, IEnumerable<string> secrets, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(rawBody);
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrEmpty(header))
        {
            throw new CheckoutSignatureException($"No {SignatureHeader} header.");
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var timestamp = parts.FirstOrDefault(p => p[0] == "t")?[1];
        var signatures = parts.Where(p => p[0] == "v1" && IsHex(p[1])).Select(p => Convert.FromHexString(p[1])).ToList();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signatures.Count == 0)
        {
            throw new CheckoutSignatureException($"The {SignatureHeader} header has no t or no v1.");
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? DefaultTolerance))
        {
            throw new CheckoutSignatureException("The signature's timestamp is outside the tolerance (a replay, or a clock off).");
        }

        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{rawBody}");
        var matched = secrets.Any(secret =>
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, s));
        });
        if (!matched)
        {
            throw new CheckoutSignatureException("No v1 signature matches a signing secret held here.");
        }

        try
        {
            return JsonSerializer.Deserialize<CheckoutEvent>(rawBody, CheckoutClient.Json)
                ?? throw new CheckoutSignatureException("The signed body is not an event.");
        }
        catch (JsonException ex)
        {
            throw new CheckoutSignatureException($"The signed body is not an event: {ex.Message}");
        }
    }

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}

/// <summary>An event whose signature does not hold: answer it with a 4xx and do not act on it.</summary>
public sealed class CheckoutSignatureException(string message) : Exception(message);
