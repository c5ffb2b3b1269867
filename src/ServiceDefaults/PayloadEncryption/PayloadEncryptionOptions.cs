namespace CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;

/// <summary>
/// Section "PayloadEncryption": the AES-256 keys payloads are encrypted with before they reach
/// Temporal. Keys are 32 random bytes in base64, by id; during a rotation the old ones stay to decrypt
/// what they encrypted, and <see cref="EncryptWith"/> names the one new payloads use. API and worker
/// must hold the same keys.
/// </summary>
public sealed class PayloadEncryptionOptions
{
    public const string Section = "PayloadEncryption";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public string? EncryptWith { get; set; }
}
