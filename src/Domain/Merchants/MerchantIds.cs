namespace CheckoutOrchestrator.Merchants;

/// <summary>
/// Merchant ids appear in visibility queries and workflow ids, so they are plain: letters, digits,
/// '-', '_' and '.'.
/// </summary>
public static class MerchantIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? merchantId) =>
        merchantId is { Length: > 0 and <= MaxLength } && merchantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
