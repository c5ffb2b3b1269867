namespace CheckoutOrchestrator.Checkouts;

/// <summary>Review reasons by their documented names (<c>late_payment</c>), as the API, search attributes and events spell them.</summary>
public static class ReviewReasonNames
{
    public static IEnumerable<string> All => JsonEnumNames.All<ReviewReason>();

    public static string Name(this ReviewReason reason) => JsonEnumNames.Name(reason);

    /// <summary>The reason of a documented name, or null for any other text.</summary>
    public static ReviewReason? Parse(string name) => JsonEnumNames.Parse<ReviewReason>(name);
}
