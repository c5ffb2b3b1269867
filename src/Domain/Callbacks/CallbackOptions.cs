using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Callbacks;

/// <summary>How providers reach us, and the key that makes each checkout's callback URL unguessable.</summary>
public sealed class CallbackOptions : IValidatableObject
{
    public const string Section = "Callbacks";

    /// <summary>The API's address as providers see it, e.g. https://checkout.example.com.</summary>
    [Required]
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// HMAC keys for callback tokens, newest first: new callback URLs are signed with the first, and a
    /// token under any of them is valid, so a key is rotated without turning open checkouts' callbacks
    /// (the day-long watch included) into 401s. Secrets: set them from a secret store, never in a workflow input.
    /// </summary>
    [Required]
    [MinLength(1)]
    public List<string> SigningKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        SigningKeys.Exists(k => k is null || k.Length < 32)
            ? [new ValidationResult("Every callback signing key has 32 characters or more.", [nameof(SigningKeys)])]
            : [];
}
