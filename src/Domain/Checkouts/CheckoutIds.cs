using System.Buffers;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>What a checkout id looks like; <see cref="CheckoutKeys"/> makes them.</summary>
public static class CheckoutIds
{
    public const string Prefix = "co_";

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static bool IsWellFormed(string? checkoutId) =>
        checkoutId is { Length: 35 }
        && checkoutId.StartsWith(Prefix, StringComparison.Ordinal)
        && !checkoutId.AsSpan(Prefix.Length).ContainsAnyExcept(LowerHex);
}
