using System.Security.Cryptography;
using CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;
using Google.Protobuf;
using Temporalio.Api.Common.V1;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>The payload codec as an operator rotating keys meets it.</summary>
public sealed class PayloadEncryptionTests
{
    private static readonly string OldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task After_a_rotation_new_payloads_use_the_new_key_and_old_ones_still_decrypt()
    {
        var before = new AesGcmPayloadCodec(Options(("2026-01", OldKey)));
        var after = new AesGcmPayloadCodec(Options(("2026-01", OldKey), ("2026-11", NewKey)));
        var written = (await before.EncodeAsync([Customer()])).Single();

        var rewritten = (await after.EncodeAsync([Customer()])).Single();

        Assert.Equal("2026-01", written.Metadata[AesGcmPayloadCodec.KeyIdMetadata].ToStringUtf8());
        Assert.Equal("2026-11", rewritten.Metadata[AesGcmPayloadCodec.KeyIdMetadata].ToStringUtf8());
        Assert.Equal(Customer(), (await after.DecodeAsync([written])).Single());
        Assert.Equal(Customer(), (await after.DecodeAsync([rewritten])).Single());
    }

    [Fact]
    public async Task A_payload_whose_key_was_dropped_fails_loudly()
    {
        var written = (await new AesGcmPayloadCodec(Options(("2026-01", OldKey))).EncodeAsync([Customer()])).Single();
        var withoutIt = new AesGcmPayloadCodec(Options(("2026-11", NewKey)));

        var error = await Assert.ThrowsAsync<UnknownPayloadKeyException>(() => withoutIt.DecodeAsync([written]));

        Assert.Contains("2026-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_relabelled_to_another_key_or_altered_does_not_decrypt()
    {
        var codec = new AesGcmPayloadCodec(Options(("a", OldKey), ("b", OldKey)));
        var written = (await codec.EncodeAsync([Customer()])).Single();
        var relabelled = written.Clone();
        relabelled.Metadata[AesGcmPayloadCodec.KeyIdMetadata] = ByteString.CopyFromUtf8(written.Metadata[AesGcmPayloadCodec.KeyIdMetadata].ToStringUtf8() == "a" ? "b" : "a");
        var altered = written.Clone();
        var bytes = altered.Data.ToByteArray();
        bytes[^1] ^= 1;
        altered.Data = ByteString.CopyFrom(bytes);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => codec.DecodeAsync([relabelled]));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => codec.DecodeAsync([altered]));
    }

    [Fact]
    public async Task Payloads_written_before_encryption_still_read()
    {
        var codec = new AesGcmPayloadCodec(Options(("k", NewKey)));

        Assert.Equal(Customer(), (await codec.DecodeAsync([Customer()])).Single());
    }

    [Theory]
    [InlineData("not base64", "k", "must be 32 random bytes")]
    [InlineData("c2hvcnQ=", "k", "must be 32 random bytes")]
    [InlineData(null, "other", "EncryptWith must name one of the keys")]
    public void Keys_that_would_fail_later_stop_the_host_at_start(string? key, string encryptWith, string expected)
    {
        var options = new PayloadEncryptionOptions { EncryptWith = encryptWith };
        options.Keys["k"] = key ?? NewKey;

        var result = new PayloadEncryptionValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_keys_at_all_stop_the_host_rather_than_write_customer_data_in_clear()
    {
        var result = new PayloadEncryptionValidation().Validate(null, new PayloadEncryptionOptions());

        Assert.Contains("in clear", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Payload Customer() => new()
    {
        Metadata = { ["encoding"] = ByteString.CopyFromUtf8("json/plain") },
        Data = ByteString.CopyFromUtf8("{\"name\":\"Jane Wanjiru\",\"phone\":\"+254712345678\"}"),
    };

    private static PayloadEncryptionOptions Options(params (string Id, string Key)[] keys)
    {
        var options = new PayloadEncryptionOptions { EncryptWith = keys[^1].Id };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return options;
    }
}
