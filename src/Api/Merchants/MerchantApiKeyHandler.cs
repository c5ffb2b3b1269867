using System.Security.Claims;
using System.Text.Encodings.Web;
using CheckoutOrchestrator.Merchants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Merchants;

/// <summary>
/// Authenticates a merchant's backend by the API key in <c>Authorization: Bearer …</c>. The key is
/// hashed and looked up; the key itself is never stored or logged.
/// </summary>
public sealed class MerchantApiKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "MerchantApiKey";

    private readonly MerchantDirectory merchants;
    private readonly IProblemDetailsService problems;

    public MerchantApiKeyHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        MerchantDirectory merchants,
        IProblemDetailsService problems)
        : base(options, logger, encoder)
    {
        this.merchants = merchants;
        this.problems = problems;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var merchantId = merchants.MerchantFor(header["Bearer ".Length..].Trim());
        if (merchantId is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key belongs to no merchant."));
        }

        var identity = new ClaimsIdentity([new Claim(MerchantClaims.MerchantId, merchantId)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new()
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Type = ApiProblems.TypeBase + "unauthenticated",
                Title = "Send your API key as Authorization: Bearer <key>.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new()
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Type = ApiProblems.TypeBase + "forbidden", Title = "This key may not do that." },
        });
    }
}
