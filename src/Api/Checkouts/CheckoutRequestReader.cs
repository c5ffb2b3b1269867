using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Merchants;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>Turns a request body into a normalised checkout request, or into every reason it is not one.</summary>
public static class CheckoutRequestReader
{
    /// <summary>Used when the caller gives no expiry.</summary>
    public const int DefaultExpirySeconds = 1800;

    private static string KnownProviders => string.Join(", ", PaymentProviderSlugs.All.Select(p => p.ToSlug()));

    /// <summary>
    /// Missing and unreadable fields: the body is not a checkout request at all (400). A body that
    /// names no provider comes back with <c>Route</c> set: the providers allowed, in order (empty:
    /// the configured order), for the router to choose from.
    /// </summary>
    public static (CheckoutRequest? Request, IReadOnlyList<PaymentProvider>? Route, IReadOnlyList<FieldError> Errors) Read(
        CreateCheckoutBody body, string merchantId, bool allowPlainHttpNotifications)
    {
        var errors = new List<FieldError>();
        var merchantReference = Required(body.MerchantReference, CheckoutFields.MerchantReference, errors);

        PaymentProvider provider = default;
        var named = !string.IsNullOrWhiteSpace(body.Provider);
        if (named && !PaymentProviderSlugs.TryParse(body.Provider, out provider))
        {
            errors.Add(new(CheckoutFields.Provider, $"Unknown provider; use one of {KnownProviders}."));
        }

        var allowed = ReadProviders(body.Providers, errors);
        if (named && allowed is { } list && (list.Count != 1 || list[0] != provider))
        {
            errors.Add(new(CheckoutFields.Providers, "Name one provider, or list the providers allowed; not both."));
        }

        var amount = AmountField.Read(body.Amount, errors);
        var currency = Required(body.Currency, CheckoutFields.Currency, errors)?.Trim().ToUpperInvariant();
        var phone = ReadPhone(body.Customer?.Phone, errors);
        var redirects = ReadRedirects(body.RedirectUrls, errors);
        var notificationUrl = ReadNotificationUrl(body.NotificationUrl, allowPlainHttpNotifications, errors);

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var request = new CheckoutRequest(
            merchantId,
            merchantReference!,
            provider,
            new Money(amount!.Value, currency!),
            body.Description?.Trim() ?? string.Empty,
            new Customer(Blank(body.Customer?.Name), phone, Blank(body.Customer?.Email)),
            redirects,
            body.AllowedMethods ?? [],
            body.ExpiresInSeconds ?? DefaultExpirySeconds,
            notificationUrl);
        return (request, named ? null : allowed ?? [], []);
    }

    private static List<PaymentProvider>? ReadProviders(IReadOnlyList<string>? slugs, List<FieldError> errors)
    {
        if (slugs is null)
        {
            return null;
        }

        var providers = new List<PaymentProvider>();
        foreach (var slug in slugs)
        {
            if (!PaymentProviderSlugs.TryParse(slug, out var provider) || providers.Contains(provider))
            {
                errors.Add(new(CheckoutFields.Providers, $"Each must be a provider listed once: {KnownProviders}."));
                return null;
            }

            providers.Add(provider);
        }

        return providers;
    }

    private static string? Required(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Required."));
            return null;
        }

        return value;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? ReadPhone(string? phone, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var e164 = PhoneNumberRules.ToE164(phone);
        if (e164 is null)
        {
            errors.Add(new(CheckoutFields.CustomerPhone, "Must be a valid phone number in international form, e.g. +254712345678."));
        }

        return e164;
    }

    private static Uri? ReadNotificationUrl(string? value, bool allowPlainHttp, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || !NotificationUrls.IsAcceptable(url, allowPlainHttp))
        {
            errors.Add(new(CheckoutFields.NotificationUrl, NotificationUrls.Rule(allowPlainHttp)));
            return null;
        }

        return url;
    }

    private static RedirectUrls? ReadRedirects(RedirectUrlsBody? body, List<FieldError> errors)
    {
        if (body is null)
        {
            return null;
        }

        var success = Url(body.Success, CheckoutFields.RedirectSuccess, required: true, errors);
        var failure = Url(body.Failure, CheckoutFields.RedirectFailure, required: true, errors);
        var cancel = Url(body.Cancel, CheckoutFields.RedirectCancel, required: false, errors);
        var pending = Url(body.Pending, CheckoutFields.RedirectPending, required: false, errors);
        return success is null || failure is null ? null : new RedirectUrls(success, failure, cancel, pending);
    }

    private static Uri? Url(string? value, string field, bool required, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, "Required when redirectUrls is given."));
            }

            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            errors.Add(new(field, "Must be an absolute http or https URL."));
        }

        return url;
    }
}
