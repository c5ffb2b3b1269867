using System.Globalization;

namespace CheckoutOrchestrator.Providers;

/// <summary>Amounts as providers want them on the wire. Money stays decimal all the way.</summary>
public static class Amounts
{
    /// <summary>The amount with exactly <paramref name="decimals"/> places, so JSON carries e.g. <c>1000.50</c>.</summary>
    public static decimal WithScale(decimal amount, int decimals) =>
        decimal.Parse(amount.ToString($"F{decimals}", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A whole amount (validated beforehand) as an integer.</summary>
    public static long Whole(decimal amount) => decimal.ToInt64(amount);

    public static string WholeText(decimal amount) => Whole(amount).ToString(CultureInfo.InvariantCulture);
}
