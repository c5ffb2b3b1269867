using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>Issues opaque bearer tokens with a lifetime, and can revoke them all to force a 401.</summary>
public sealed class TokenIssuer
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public TokenIssuer(TimeProvider time)
    {
        this.time = time;
    }

    public string Issue(TimeSpan lifetime)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        tokens[token] = time.GetUtcNow() + lifetime;
        return token;
    }

    public bool IsValid(string? token) =>
        token is not null && tokens.TryGetValue(token, out var expiresAt) && time.GetUtcNow() < expiresAt;

    public void RevokeAll() => tokens.Clear();
}
