using System.Collections.Frozen;

namespace CheckoutOrchestrator.Validation;

/// <summary>
/// ISO-4217 minor units of the currencies our providers accept. Only these are accepted:
/// a currency no provider takes is an input error, not a provider error.
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorUnits = new Dictionary<string, int>
    {
        ["ETB"] = 2,
        ["KES"] = 2,
        ["USD"] = 2,
        ["XOF"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Supported => MinorUnits.Keys.Order(StringComparer.Ordinal);

    public static bool TryGetMinorUnits(string currency, out int minorUnits) =>
        MinorUnits.TryGetValue(currency, out minorUnits);

    public static bool HasAtMostDecimals(decimal amount, int decimals) => decimal.Round(amount, decimals) == amount;
}
