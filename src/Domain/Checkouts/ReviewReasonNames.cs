using System.Text.Json;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>Review reasons by their documented names (<c>late_payment</c>), as the API, search attributes and events spell them.</summary>
public static class ReviewReasonNames
{
    private static readonly Dictionary<ReviewReason, string> Names =
        Enum.GetValues<ReviewReason>().ToDictionary(r => r, r => JsonSerializer.Serialize(r).Trim('"'));

    public static IEnumerable<string> All => Names.Values;

    public static string Name(this ReviewReason reason) => Names[reason];

    /// <summary>The reason of a documented name, or null for any other text.</summary>
    public static ReviewReason? Parse(string name) =>
        Names.FirstOrDefault(n => string.Equals(n.Value, name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : null;
}
