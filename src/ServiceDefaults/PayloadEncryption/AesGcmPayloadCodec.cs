using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;

/// <summary>
/// Encrypts every payload (workflow inputs, results, activity arguments, queries, failures) with
/// AES-256-GCM before it leaves the process, so customer names, phones and emails never sit in
/// Temporal in clear. The key id travels in the payload's metadata; payloads written before
/// encryption (no such metadata) pass through unchanged.
/// </summary>
public sealed class AesGcmPayloadCodec : IPayloadCodec
{
    public const string Encoding = "binary/encrypted";
    public const string KeyIdMetadata = "encryption-key-id";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly ByteString EncodingValue = ByteString.CopyFromUtf8(Encoding);

    private readonly Dictionary<string, byte[]> keys;
    private readonly string encryptWith;

    public AesGcmPayloadCodec(PayloadEncryptionOptions options)
    {
        keys = options.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        encryptWith = options.EncryptWith ?? throw new ArgumentException("No key is named to encrypt with.", nameof(options));
    }

    public Task<IReadOnlyCollection<Payload>> EncodeAsync(IReadOnlyCollection<Payload> payloads) =>
        Task.FromResult<IReadOnlyCollection<Payload>>([.. payloads.Select(Encrypt)]);

    public Task<IReadOnlyCollection<Payload>> DecodeAsync(IReadOnlyCollection<Payload> payloads) =>
        Task.FromResult<IReadOnlyCollection<Payload>>([.. payloads.Select(Decrypt)]);

    // The key id is authenticated too, so a payload cannot be relabelled to another key.
    private static byte[] Associated(string keyId) => System.Text.Encoding.UTF8.GetBytes(keyId);

    private Payload Encrypt(Payload payload)
    {
        var plain = payload.ToByteArray();
        var sealedData = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedData.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(keys[encryptWith], TagSize))
        {
            aes.Encrypt(nonce, plain, sealedData.AsSpan(NonceSize, plain.Length), sealedData.AsSpan(NonceSize + plain.Length), Associated(encryptWith));
        }

        return new Payload
        {
            Metadata = { ["encoding"] = EncodingValue, [KeyIdMetadata] = ByteString.CopyFromUtf8(encryptWith) },
            Data = ByteString.CopyFrom(sealedData),
        };
    }

    private Payload Decrypt(Payload payload)
    {
        if (!payload.Metadata.TryGetValue("encoding", out var encoding) || encoding != EncodingValue)
        {
            return payload;
        }

        var keyId = payload.Metadata.TryGetValue(KeyIdMetadata, out var id) ? id.ToStringUtf8() : string.Empty;
        if (!keys.TryGetValue(keyId, out var key))
        {
            throw new UnknownPayloadKeyException(keyId);
        }

        var sealedData = payload.Data.Span;
        if (sealedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"An encrypted payload holds at least {NonceSize + TagSize} bytes (nonce and tag); this one holds {sealedData.Length}.");
        }

        var cipher = sealedData[NonceSize..^TagSize];
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Decrypt(sealedData[..NonceSize], cipher, sealedData[^TagSize..], plain, Associated(keyId));
        }

        try
        {
            return Payload.Parser.ParseFrom(plain);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new CryptographicException("The decrypted payload is not a Temporal payload.", ex);
        }
    }
}
