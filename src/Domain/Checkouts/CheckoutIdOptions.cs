using System.ComponentModel.DataAnnotations;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// Section "CheckoutIds": the secret that makes checkout ids (and the references derived from them)
/// impossible to compute from outside. The first key makes new ids; a retried POST still finds a
/// checkout opened under any later key in the list, so a key is rotated by putting the new one first.
/// </summary>
public sealed class CheckoutIdOptions : IValidatableObject
{
    public const string Section = "CheckoutIds";

    [Required]
    [MinLength(1)]
    public List<string> Keys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Keys.Exists(k => k is null || k.Length < CheckoutKeys.MinKeyLength)
            ? [new ValidationResult($"Every checkout id key has {CheckoutKeys.MinKeyLength} characters or more.", [nameof(Keys)])]
            : [];
}
