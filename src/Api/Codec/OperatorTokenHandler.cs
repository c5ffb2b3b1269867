using System.Security.Claims;
using System.Text.Encodings.Web;
using CheckoutOrchestrator.Api.Operators;
using CheckoutOrchestrator.Merchants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Codec;

/// <summary>Authenticates an operator (Temporal UI, the CLI) by a token whose hash is in <see cref="CodecServerOptions"/>.</summary>
public sealed class OperatorTokenHandler : BearerKeyHandler
{
    public const string SchemeName = "OperatorToken";
    public const string OperatorClaim = "operator";

    private readonly IOptionsMonitor<CodecServerOptions> codec;

    public OperatorTokenHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        IOptionsMonitor<CodecServerOptions> codec,
        IProblemDetailsService problems)
        : base(options, logger, encoder, problems)
    {
        this.codec = codec;
    }

    protected override string ChallengeTitle => "Send an operator token as Authorization: Bearer <token>.";

    /// <summary>The operator's name: a named token's, or for an unnamed one the start of its hash (never the token).</summary>
    protected override IEnumerable<Claim>? ClaimsFor(string key)
    {
        var hash = ApiKeys.Hash(key);
        var named = codec.CurrentValue.OperatorTokens.FirstOrDefault(t => string.Equals(t.Value, hash, StringComparison.OrdinalIgnoreCase)).Key;
        var name = named ?? (codec.CurrentValue.OperatorTokenSha256.Contains(hash, StringComparer.OrdinalIgnoreCase) ? $"operator-token-{hash[..8].ToLowerInvariant()}" : null);
        return name is null ? null : [new Claim(OperatorClaim, "true"), new Claim(OperatorIdentity.NameClaim, name)];
    }
}
