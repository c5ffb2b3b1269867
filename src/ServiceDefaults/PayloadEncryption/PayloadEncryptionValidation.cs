using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;

/// <summary>Refuses to start with keys that would fail later: each 32 bytes of base64, and the one to encrypt with present.</summary>
public sealed class PayloadEncryptionValidation : IValidateOptions<PayloadEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, PayloadEncryptionOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0)
        {
            failures.Add($"{PayloadEncryptionOptions.Section}:Keys holds no key: customer data would reach Temporal in clear.");
        }

        foreach (var (id, key) in options.Keys)
        {
            if (!IsKey(key))
            {
                failures.Add($"{PayloadEncryptionOptions.Section}:Keys:{id} must be 32 random bytes in base64.");
            }
        }

        if (options.EncryptWith is not { } current || !options.Keys.ContainsKey(current))
        {
            failures.Add($"{PayloadEncryptionOptions.Section}:EncryptWith must name one of the keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string value)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(value, bytes, out var written) && written == 32;
    }
}
