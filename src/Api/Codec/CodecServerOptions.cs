namespace CheckoutOrchestrator.Api.Codec;

/// <summary>
/// Section "Codec": who may decode payloads (the SHA-256 of each operator token, hex, as for
/// merchant keys) and the Temporal UI origins that call the codec endpoints from a browser.
/// </summary>
public sealed class CodecServerOptions
{
    public const string Section = "Codec";

    public List<string> OperatorTokenSha256 { get; set; } = [];

    public List<string> AllowedOrigins { get; set; } = [];
}
