using System.Globalization;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Checkouts;

public sealed record AmountView(string Value, string Currency)
{
    /// <summary>Written with the currency's minor units (250.00 ETB, 500 XOF).</summary>
    public static AmountView From(Money money) =>
        new(
            Currencies.TryGetMinorUnits(money.Currency, out var minorUnits)
                ? money.Value.ToString($"F{minorUnits}", CultureInfo.InvariantCulture)
                : money.Value.ToString(CultureInfo.InvariantCulture),
            money.Currency);
}
