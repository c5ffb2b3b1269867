using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>
/// LakiPay signs callbacks with RSA (PKCS#1 v1.5, SHA-256, per its official SDKs) over a canonical
/// string: fields other than "signature", sorted by name, as key=value joined by "&amp;". LakiPay's
/// sources disagree on which fields and how numbers are written, so every documented rendering is
/// tried here, in this one place; a callback verifies if any one of them matches.
/// </summary>
public static class LakiPaySignature
{
    public const string Field = "signature";

    /// <summary>The renderings of the canonical string, most literal first.</summary>
    public static IReadOnlyList<LakiPayRendering> Renderings { get; } =
    [
        // Every field, numbers exactly as written in the body ("100.00" stays "100.00").
        new(IncludeMedium: true, LakiPayNumberStyle.Literal),

        // The webhook guide's example canonical string: every field but "medium", amount=100.00.
        new(IncludeMedium: false, LakiPayNumberStyle.Literal),

        // The JavaScript SDK stringifies the parsed number: 100.00 becomes "100".
        new(IncludeMedium: true, LakiPayNumberStyle.JavaScript),
        new(IncludeMedium: false, LakiPayNumberStyle.JavaScript),

        // The Python SDK stringifies a float: 100.00 becomes "100.0".
        new(IncludeMedium: true, LakiPayNumberStyle.Python),
        new(IncludeMedium: false, LakiPayNumberStyle.Python),

        // "Two decimal places", whatever the body wrote: 100 becomes "100.00".
        new(IncludeMedium: true, LakiPayNumberStyle.TwoDecimals),
        new(IncludeMedium: false, LakiPayNumberStyle.TwoDecimals),

        // A null field as each SDK's language writes it: JavaScript "null", Python "None", and the JSON text itself.
        new(IncludeMedium: true, LakiPayNumberStyle.JavaScript, NullAs: "null"),
        new(IncludeMedium: false, LakiPayNumberStyle.JavaScript, NullAs: "null"),
        new(IncludeMedium: true, LakiPayNumberStyle.Python, NullAs: "None"),
        new(IncludeMedium: false, LakiPayNumberStyle.Python, NullAs: "None"),
        new(IncludeMedium: true, LakiPayNumberStyle.Literal, NullAs: "null"),
        new(IncludeMedium: false, LakiPayNumberStyle.Literal, NullAs: "null"),
    ];

    /// <summary>The canonical string of a payload under one rendering.</summary>
    public static string CanonicalString(JsonElement payload, LakiPayRendering rendering) =>
        string.Join('&', payload.EnumerateObject()
            .Where(p => p.Name != Field && (rendering.IncludeMedium || p.Name != "medium"))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={Render(p.Value, rendering)}"));

    /// <summary>Whether the payload's signature verifies under any documented rendering.</summary>
    public static bool IsValid(JsonElement payload, RSA publicKey)
    {
        if (!payload.TryGetProperty(Field, out var signatureElement)
            || signatureElement.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureElement.GetString()!);
        }
        catch (FormatException)
        {
            return false;
        }

        return Renderings.Any(rendering => publicKey.VerifyData(
            Encoding.UTF8.GetBytes(CanonicalString(payload, rendering)), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string Render(JsonElement value, LakiPayRendering rendering) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => rendering.NullAs,
        JsonValueKind.Number => rendering.Numbers switch
        {
            LakiPayNumberStyle.JavaScript => Shortest(value.GetDecimal()),
            LakiPayNumberStyle.Python => Shortest(value.GetDecimal()) is var text && text.Contains('.', StringComparison.Ordinal) ? text : text + ".0",
            LakiPayNumberStyle.TwoDecimals => value.GetDecimal().ToString("F2", CultureInfo.InvariantCulture),
            _ => value.GetRawText(),
        },
        _ => value.GetRawText(),
    };

    private static string Shortest(decimal number) => (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
