using System.Security.Claims;
using System.Text.Encodings.Web;
using CheckoutOrchestrator.Merchants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Merchants;

/// <summary>Authenticates a merchant's backend by its API key.</summary>
public sealed class MerchantApiKeyHandler : BearerKeyHandler
{
    public const string SchemeName = "MerchantApiKey";

    private readonly MerchantDirectory merchants;

    public MerchantApiKeyHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        MerchantDirectory merchants,
        IProblemDetailsService problems)
        : base(options, logger, encoder, problems)
    {
        this.merchants = merchants;
    }

    protected override string ChallengeTitle => "Send your API key as Authorization: Bearer <key>.";

    protected override IEnumerable<Claim>? ClaimsFor(string key) =>
        merchants.MerchantFor(key) is { } merchantId ? [new Claim(MerchantClaims.MerchantId, merchantId)] : null;
}
