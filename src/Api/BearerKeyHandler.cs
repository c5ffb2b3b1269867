using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api;

/// <summary>
/// Authenticates a caller by the secret in <c>Authorization: Bearer …</c>, which the scheme looks up
/// by its hash; the secret itself is never stored or logged. Refusals are problem details.
/// </summary>
public abstract class BearerKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly IProblemDetailsService problems;

    protected BearerKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IProblemDetailsService problems)
        : base(options, logger, encoder)
    {
        this.problems = problems;
    }

    /// <summary>Says what to send when the caller sent nothing usable.</summary>
    protected abstract string ChallengeTitle { get; }

    /// <summary>The claims of whoever holds <paramref name="key"/>, or null for a key nobody holds.</summary>
    protected abstract IEnumerable<Claim>? ClaimsFor(string key);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (ClaimsFor(header["Bearer ".Length..].Trim()) is not { } claims)
        {
            return Task.FromResult(AuthenticateResult.Fail("The key belongs to nobody."));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new()
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Type = ApiProblems.TypeBase + "unauthenticated", Title = ChallengeTitle },
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
