using System.Net.Mail;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Validation;

/// <summary>
/// Checks a checkout request before anything is started or sent: first the rules every checkout
/// shares, then the rules of the chosen provider.
/// </summary>
public static class CheckoutValidator
{
    public const int MinExpirySeconds = 300;
    public const int MaxExpirySeconds = 86_400;
    public const int MaxDescriptionLength = 200;
    public const int MaxIdentifierLength = 64;

    public static IReadOnlyList<FieldError> Validate(CheckoutRequest request)
    {
        var errors = new List<FieldError>();
        AddCommonRules(request, errors);
        if (errors.Count == 0)
        {
            errors.AddRange(ProviderProfiles.For(request.Provider).Validate(request));
        }

        return errors;
    }

    /// <summary>The rules every checkout shares, whichever provider takes it.</summary>
    public static IReadOnlyList<FieldError> ValidateCommon(CheckoutRequest request)
    {
        var errors = new List<FieldError>();
        AddCommonRules(request, errors);
        return errors;
    }

    private static void AddCommonRules(CheckoutRequest request, List<FieldError> errors)
    {
        RequireIdentifier(request.MerchantId, CheckoutFields.MerchantId, errors);
        if (!IsReference(request.MerchantReference))
        {
            errors.Add(new(CheckoutFields.MerchantReference, $"Must be 1 to {MaxIdentifierLength} characters: letters, digits and - _ . : / #."));
        }

        if (request.Amount.Value <= 0)
        {
            errors.Add(new(CheckoutFields.Amount, "Amount must be greater than zero."));
        }

        if (!Currencies.TryGetMinorUnits(request.Amount.Currency, out var minorUnits))
        {
            errors.Add(new(CheckoutFields.Currency, $"Currency must be one of {string.Join(", ", Currencies.Supported)}."));
        }
        else if (!Currencies.HasAtMostDecimals(request.Amount.Value, minorUnits))
        {
            errors.Add(new(CheckoutFields.Amount, $"{request.Amount.Currency} amounts have at most {minorUnits} decimal places."));
        }

        if (request.Description.Length > MaxDescriptionLength)
        {
            errors.Add(new(CheckoutFields.Description, $"Description is at most {MaxDescriptionLength} characters."));
        }

        // Providers put these on payment pages, receipts and SMS: control characters garble them, and
        // format characters (bidi overrides such as U+202E) make a payer read other text than was sent.
        if (!IsPayerVisibleText(request.Description))
        {
            errors.Add(new(CheckoutFields.Description, "Description must be printable text, without control or format characters (e.g. bidi overrides)."));
        }

        if (request.Customer.Name is { } name && !IsPayerVisibleText(name))
        {
            errors.Add(new(CheckoutFields.CustomerName, "Name must be printable text, without control or format characters (e.g. bidi overrides)."));
        }

        if (request.Customer.Phone is { } phone && PhoneNumberRules.ToE164(phone) != phone)
        {
            errors.Add(new(CheckoutFields.CustomerPhone, "Phone must be an international number in E.164 form, e.g. +254712345678."));
        }

        if (request.Customer.Email is { } email && !MailAddress.TryCreate(email, out _))
        {
            errors.Add(new(CheckoutFields.CustomerEmail, "Email is not a valid address."));
        }

        if (request.Redirects is { } redirects)
        {
            RequireWebUrl(redirects.Success, CheckoutFields.RedirectSuccess, errors);
            RequireWebUrl(redirects.Failure, CheckoutFields.RedirectFailure, errors);
            if (redirects.Pending is { } pending)
            {
                RequireWebUrl(pending, CheckoutFields.RedirectPending, errors);
            }

            if (redirects.Cancel is { } cancel)
            {
                RequireWebUrl(cancel, CheckoutFields.RedirectCancel, errors);
            }
        }

        if (request.ExpiresInSeconds is < MinExpirySeconds or > MaxExpirySeconds)
        {
            errors.Add(new(
                CheckoutFields.ExpiresInSeconds,
                $"Expiry must be between {MinExpirySeconds} and {MaxExpirySeconds} seconds."));
        }

        if (request.AllowedMethods.Distinct().Count() != request.AllowedMethods.Count)
        {
            errors.Add(new(CheckoutFields.AllowedMethods, "Each payment method may be listed once."));
        }
    }

    private static bool IsPayerVisibleText(string text) =>
        !text.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    private static void RequireIdentifier(string value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdentifierLength || value.Any(char.IsControl))
        {
            errors.Add(new(field, $"Must be 1 to {MaxIdentifierLength} printable characters."));
        }
    }

    // A merchant reference is an order number, and reaches search attributes, provider references and logs:
    // the characters order numbers use, nothing that markup, queries or shells give meaning to.
    private static bool IsReference(string value) =>
        value.Length is > 0 and <= MaxIdentifierLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/' or '#');

    private static void RequireWebUrl(Uri url, string field, List<FieldError> errors)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add(new(field, "Must be an absolute http or https URL."));
        }
    }
}
