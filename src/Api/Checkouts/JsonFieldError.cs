using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>Names the field a JSON reader choked on, in the caller's terms rather than .NET's.</summary>
public static class JsonFieldError
{
    public static FieldError From(JsonException ex)
    {
        var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
        var message = field switch
        {
            // System.Text.Json names this case only in its message (AllowDuplicateProperties = false).
            _ when ex.Message.StartsWith("Duplicate property", StringComparison.Ordinal) => "Appears more than once; send each field once.",
            "$" => "The body is not valid JSON.",
            _ when field.StartsWith(CheckoutFields.AllowedMethods, StringComparison.Ordinal) =>
                $"Must be a list of payment methods: {string.Join(", ", Enum.GetValues<PaymentMethod>().Select(m => JsonSerializer.Serialize(m)))}.",
            CheckoutFields.ExpiresInSeconds => "Must be a whole number of seconds.",
            _ => "Has the wrong type for this field.",
        };
        return new FieldError(field, message);
    }
}
