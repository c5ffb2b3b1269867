using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>
/// LakiPay signs callbacks with RSA (PKCS#1 v1.5, SHA-256, per its official SDKs) over the
/// canonical string: every field but "signature", sorted by name, as key=value joined by "&amp;".
/// </summary>
public static class LakiPaySignature
{
    public const string Field = "signature";

    /// <summary>
    /// The canonical string, with values as they appear in the raw JSON (so "100.00" stays "100.00").
    /// With <paramref name="twoDecimalNumbers"/>, numbers are rendered with two decimals instead.
    /// </summary>
    public static string CanonicalString(JsonElement payload, bool twoDecimalNumbers = false) =>
        string.Join('&', payload.EnumerateObject()
            .Where(p => p.Name != Field)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={Render(p.Value, twoDecimalNumbers)}"));

    /// <summary>
    /// [inferred] The docs show amount=100.00 while the SDKs stringify parsed numbers (100 or 100.0):
    /// the raw literal is tried first, then two-decimal rendering. Both need a valid signature.
    /// </summary>
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

        return Verify(CanonicalString(payload), signature, publicKey)
            || Verify(CanonicalString(payload, twoDecimalNumbers: true), signature, publicKey);
    }

    public static string Sign(JsonElement payload, RSA privateKey) =>
        Convert.ToBase64String(privateKey.SignData(
            Encoding.UTF8.GetBytes(CanonicalString(payload)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static bool Verify(string canonical, byte[] signature, RSA publicKey) =>
        publicKey.VerifyData(Encoding.UTF8.GetBytes(canonical), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static string Render(JsonElement value, bool twoDecimalNumbers) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when twoDecimalNumbers => value.GetDecimal().ToString("F2", CultureInfo.InvariantCulture),
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
