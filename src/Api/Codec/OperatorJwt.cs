using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CheckoutOrchestrator.Api.Codec;

/// <summary>
/// Temporal UI sends the operator's own OIDC access token to the codec endpoint (it cannot send a
/// static one): a token that validates against the configured provider makes its bearer an operator.
/// </summary>
public static class OperatorJwt
{
    public const string SchemeName = "OperatorJwt";

    /// <summary>Whether the token names its bearer an operator: the configured claim, as a value of its own or one of a space-separated scope.</summary>
    public static bool IsOperator(ClaimsPrincipal? principal, CodecOidcOptions oidc) =>
        principal?.FindAll(oidc.OperatorClaim).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(oidc.OperatorValue, StringComparer.Ordinal)) == true;

    public static void Configure(JwtBearerOptions jwt, Uri authority, CodecOidcOptions oidc)
    {
        jwt.Authority = authority.AbsoluteUri.TrimEnd('/');
        jwt.Audience = oidc.Audience;
        jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidateAudience = true;
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (IsOperator(context.Principal, oidc) && context.Principal?.FindFirst("sub") is not null)
                {
                    (context.Principal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(OperatorTokenHandler.OperatorClaim, "true"));
                }
                else
                {
                    context.Fail($"The token carries no subject or no {oidc.OperatorClaim} claim {oidc.OperatorValue}: its bearer is not an operator we can name.");
                }

                return Task.CompletedTask;
            },

            // The operator-token scheme answers the challenge with its problem document; one answer is enough.
            OnChallenge = context =>
            {
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }
}
