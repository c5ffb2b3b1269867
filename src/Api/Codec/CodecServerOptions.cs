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

    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Temporal UI's own sign-in: its access tokens are accepted when they validate against this provider.</summary>
    public CodecOidcOptions Oidc { get; set; } = new();
}

/// <summary>
/// The OpenID Connect provider Temporal UI signs operators in with. A JWT access token is accepted
/// when its signature validates against the provider's published keys, its issuer is
/// <see cref="Authority"/> and its audience <see cref="Audience"/>.
/// </summary>
public sealed class CodecOidcOptions
{
    /// <summary>The issuer (its /.well-known/openid-configuration names the signing keys). Unset: no JWT is accepted.</summary>
    public Uri? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Only a development provider on loopback may serve its metadata over plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
