using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect provider on loopback, standing in for the one Temporal UI signs operators
/// in with: it publishes its metadata and signing key, and issues access tokens for the tests.
/// </summary>
public sealed class LoopbackOidcProvider : IAsyncDisposable
{
    public const string Audience = "temporal-ui";

    private readonly RSA key = RSA.Create(2048);
    private readonly WebApplication app;

    private LoopbackOidcProvider(WebApplication app)
    {
        this.app = app;
    }

    public Uri Issuer { get; private set; } = null!;

    public static async Task<LoopbackOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var provider = new LoopbackOidcProvider(builder.Build());
        provider.app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer.AbsoluteUri.TrimEnd('/'),
            ["jwks_uri"] = new Uri(provider.Issuer, "jwks").AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        provider.app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(provider.key.ExportParameters(false)) { KeyId = "test-key" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        await provider.app.StartAsync();
        provider.Issuer = new Uri(provider.app.Urls.First().TrimEnd('/') + "/");
        return provider;
    }

    /// <summary>An access token as Temporal UI would send it: an operator's (the role claim), unless said otherwise.</summary>
    public string Token(string audience = Audience, RSA? signedWith = null, bool operatorRole = true) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer.AbsoluteUri.TrimEnd('/'),
            Audience = audience,
            Subject = new ClaimsIdentity(operatorRole
                ? [new Claim("sub", "operator@example.com"), new Claim("roles", "checkout-operator")]
                : [new Claim("sub", "someone@example.com"), new Claim("roles", "reader")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        key.Dispose();
    }
}
