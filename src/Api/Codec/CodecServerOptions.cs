using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Api.Codec;

/// <summary>
/// Section "Codec": who may decode payloads (the SHA-256 of each operator token, hex, as for
/// merchant keys, and/or the OpenID Connect provider whose access tokens Temporal UI sends) and
/// the Temporal UI origins that call the codec endpoints from a browser.
/// </summary>
public sealed class CodecServerOptions
{
    public const string Section = "Codec";

    public List<string> OperatorTokenSha256 { get; set; } = [];

    /// <summary>Named static operator tokens (name → SHA-256, hex): the name is who a review resolution says resolved it.</summary>
    public Dictionary<string, string> OperatorTokens { get; set; } = [];

    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Temporal UI's own sign-in: its access tokens are accepted when they validate against this provider.</summary>
    public CodecOidcOptions Oidc { get; set; } = new();
}

/// <summary>
/// The OpenID Connect provider Temporal UI signs operators in with. A JWT access token is accepted
/// when its signature validates against the provider's published keys, its issuer is
/// <see cref="Authority"/>, its audience <see cref="Audience"/> (required: a token issued for another
/// application of the same provider must not decrypt payloads), and it carries the operator's
/// <see cref="OperatorClaim"/> with <see cref="OperatorValue"/> (any user of the provider is not an operator).
/// </summary>
public sealed class CodecOidcOptions : IValidatableObject
{
    /// <summary>The issuer (its /.well-known/openid-configuration names the signing keys). Unset: no JWT is accepted.</summary>
    public Uri? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Only a development provider on loopback may serve its metadata over plain http (tests only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that makes a signed-in person an operator: a role claim, or "scope" (space-separated).</summary>
    public string OperatorClaim { get; set; } = "roles";

    public string OperatorValue { get; set; } = "checkout-operator";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Authority is null)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return new("Codec:Oidc:Audience is required with Codec:Oidc:Authority: without it, a token issued for any other application of that provider would decrypt payloads.", [nameof(Audience)]);
        }

        if (Authority.Scheme != Uri.UriSchemeHttps && RequireHttpsMetadata)
        {
            yield return new($"Codec:Oidc:Authority is {Authority}; an identity provider is reached over https (Codec:Oidc:RequireHttpsMetadata=false is for a loopback test provider only).", [nameof(Authority)]);
        }

        if (string.IsNullOrWhiteSpace(OperatorClaim) || string.IsNullOrWhiteSpace(OperatorValue))
        {
            yield return new("Codec:Oidc:OperatorClaim and Codec:Oidc:OperatorValue name the claim that makes a signed-in person an operator.", [nameof(OperatorClaim)]);
        }
    }
}
