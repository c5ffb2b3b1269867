using PhoneNumbers;

namespace CheckoutOrchestrator.Validation;

/// <summary>Phone numbers through libphonenumber: parse once to E.164, then check a market and format per provider.</summary>
public static class PhoneNumberRules
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of an international number (<c>+…</c>), or null when it cannot be read as one.</summary>
    public static string? ToE164(string input) =>
        Parse(input) is { } number ? Util.Format(number, PhoneNumberFormat.E164) : null;

    /// <summary>Whether the number has a length its country's numbering allows (it may still be unassigned).</summary>
    public static bool IsPossible(string e164) => Parse(e164) is { } number && Util.IsPossibleNumber(number);

    /// <summary>Whether an E.164 number is a valid mobile number of the given region (ISO 3166 alpha-2).</summary>
    public static bool IsMobileIn(string e164, string region) =>
        Parse(e164) is { } number
        && Util.IsValidNumberForRegion(number, region)
        && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;

    /// <summary>How many digits follow the country code.</summary>
    public static int NationalDigits(string e164) => Parse(e164) is { } number ? Util.GetNationalSignificantNumber(number).Length : 0;

    /// <summary>Country code and national number, digits only, as most African providers want it (<c>2547…</c>).</summary>
    public static string DigitsOnly(string e164) => e164.TrimStart('+');

    private static PhoneNumber? Parse(string input)
    {
        if (!input.TrimStart().StartsWith('+'))
        {
            return null;
        }

        try
        {
            return Util.Parse(input, null);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
