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

    public static void Configure(JwtBearerOptions jwt, Uri authority, CodecOidcOptions oidc)
    {
        jwt.Authority = authority.AbsoluteUri.TrimEnd('/');
        jwt.Audience = oidc.Audience;
        jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidateAudience = oidc.Audience is not null;
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                (context.Principal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(OperatorTokenHandler.OperatorClaim, "true"));
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
