using System.Security.Cryptography;
using System.Text;

namespace CheckoutOrchestrator.Merchants;

/// <summary>
/// API keys are random and long, so a plain SHA-256 is enough to store them: nobody can recover a
/// key from its hash, and comparing hashes never touches the key itself.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "cok_";

    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>A new key for a merchant, as an operator hands it out (its hash goes into configuration).</summary>
    public static string Create() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
