using System.Security.Cryptography;

namespace CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;

/// <summary>A payload encrypted under a key this process does not hold (dropped, or not yet deployed here).</summary>
public sealed class UnknownPayloadKeyException : CryptographicException
{
    public UnknownPayloadKeyException(string keyId)
        : base($"Payload encrypted with key '{keyId}', which this process does not hold.")
    {
        KeyId = keyId;
    }

    public string KeyId { get; }
}
