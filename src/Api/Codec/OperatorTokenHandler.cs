using System.Security.Claims;
using System.Text.Encodings.Web;
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

    protected override IEnumerable<Claim>? ClaimsFor(string key) =>
        codec.CurrentValue.OperatorTokenSha256.Contains(ApiKeys.Hash(key), StringComparer.OrdinalIgnoreCase) ? [new Claim(OperatorClaim, "true")] : null;
}
