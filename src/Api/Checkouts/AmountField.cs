using System.Globalization;
using System.Text.Json;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>The checkout amount as the merchant wrote it, read exactly or refused: never rounded, never a float.</summary>
internal static class AmountField
{
    private const NumberStyles PlainDecimal = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    /// <summary>A JSON number or a string of digits, read straight into a decimal: never through a float.</summary>
    public static decimal? Read(JsonElement? element, List<FieldError> errors)
    {
        var text = element?.ValueKind switch
        {
            JsonValueKind.Number => element.Value.GetRawText(),
            JsonValueKind.String => element.Value.GetString(),
            _ => null,
        };
        if (element is null or { ValueKind: JsonValueKind.Null })
        {
            errors.Add(new(CheckoutFields.Amount, "Required."));
            return null;
        }

        if (text is null || !decimal.TryParse(text, PlainDecimal, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(new(CheckoutFields.Amount, "Must be a decimal number of major units, e.g. 1000.50 or \"1000.50\"."));
            return null;
        }

        // 1000.5 and 1000.50 are the same amount, so a retry that writes it differently is the same request.
        var normalized = amount / 1.000000000000000000000000000000000m;
        if (SignificantFractionDigits(text) > normalized.Scale)
        {
            // decimal.TryParse rounds what it cannot hold; an amount is refused, never rounded.
            errors.Add(new(CheckoutFields.Amount, "Has more digits than can be held exactly; send at most 28 significant digits."));
            return null;
        }

        return normalized;
    }

    private static int SignificantFractionDigits(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text[(point + 1)..].TrimEnd('0').Length;
    }
}
