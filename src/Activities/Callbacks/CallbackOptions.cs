using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Callbacks;

/// <summary>How providers reach us, and the key that makes each checkout's callback URL unguessable.</summary>
public sealed class CallbackOptions
{
    public const string Section = "Callbacks";

    /// <summary>The API's address as providers see it, e.g. https://checkout.example.com.</summary>
    [Required]
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>HMAC key for callback tokens. A secret: set it from a secret store, never in a workflow input.</summary>
    [Required]
    [MinLength(32)]
    public string? SigningKey { get; set; }
}
