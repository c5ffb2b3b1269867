using CheckoutOrchestrator.Api.Codec;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>An identity provider set up wrong stops the API at start with one message, instead of failing at the first decode.</summary>
public sealed class CodecSettingsTests
{
    [Fact]
    public void An_authority_without_an_audience_is_refused()
    {
        var result = Validate(new CodecOidcOptions { Authority = new Uri("https://login.example.com/") });

        Assert.Contains(result.Failures!, f => f.Contains("Codec:Oidc:Audience is required", StringComparison.Ordinal));
    }

    [Fact]
    public void An_http_authority_is_refused_unless_the_tests_only_switch_says_otherwise()
    {
        var plain = Validate(new CodecOidcOptions { Authority = new Uri("http://login.example.com/"), Audience = "temporal-ui" });
        var loopbackTest = Validate(new CodecOidcOptions { Authority = new Uri("http://127.0.0.1:9/"), Audience = "temporal-ui", RequireHttpsMetadata = false });

        Assert.Contains(plain.Failures!, f => f.Contains("over https", StringComparison.Ordinal));
        Assert.True(loopbackTest.Succeeded);
    }

    [Fact]
    public void A_token_is_an_operators_only_with_the_configured_role_or_scope()
    {
        var roles = new CodecOidcOptions();
        var scopes = new CodecOidcOptions { OperatorClaim = "scope", OperatorValue = "checkouts:decode" };

        Assert.True(OperatorJwt.IsOperator(Principal(("roles", "checkout-operator")), roles));
        Assert.False(OperatorJwt.IsOperator(Principal(("roles", "checkout-operator-trainee")), roles));
        Assert.True(OperatorJwt.IsOperator(Principal(("scope", "openid checkouts:decode")), scopes));
        Assert.False(OperatorJwt.IsOperator(Principal(("scope", "openid profile")), scopes));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(CodecOidcOptions oidc) =>
        new CodecOidcValidation().Validate(null, new CodecServerOptions { Oidc = oidc });

    private static System.Security.Claims.ClaimsPrincipal Principal((string Type, string Value) claim) =>
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(claim.Type, claim.Value)], "test"));
}
