using PhoneNumbers;

namespace CheckoutOrchestrator.Validation;

/// <summary>Phone numbers through libphonenumber: parse once to E.164, then check a market and format per provider.</summary>
public static class PhoneNumberRules
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of an international number (<c>+…</c>), or null when it is not a valid number.</summary>
    public static string? ToE164(string input)
    {
        if (!input.TrimStart().StartsWith('+'))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(input, null);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Whether an E.164 number is a mobile number of the given region (ISO 3166 alpha-2).</summary>
    public static bool IsMobileIn(string e164, string region)
    {
        try
        {
            var number = Util.Parse(e164, null);
            return Util.IsValidNumberForRegion(number, region)
                && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Country code and national number, digits only, as most African providers want it (<c>2547…</c>).</summary>
    public static string DigitsOnly(string e164) => e164.TrimStart('+');
}
