using System.Text.RegularExpressions;

namespace CheckoutOrchestrator.Telemetry;

/// <summary>
/// Masks what looks like a phone number (nine or more digits, spaces and dashes allowed) in text
/// that reaches logs, such as a provider's error message quoting the customer's number. The last
/// three digits stay so an operator can still match a number a customer reads out.
/// </summary>
public static partial class LogRedaction
{
    public static string? PhoneNumbers(string? text) =>
        text is null ? null : PhoneLike().Replace(text, match => Mask(match.Value));

    private static string Mask(string number)
    {
        var digitsSeen = 0;
        var totalDigits = number.Count(char.IsAsciiDigit);
        return string.Concat(number.Select(c => char.IsAsciiDigit(c) && ++digitsSeen <= totalDigits - 3 ? '*' : c));
    }

    [GeneratedRegex(@"\+?\d(?:[ \-]?\d){8,}")]
    private static partial Regex PhoneLike();
}
