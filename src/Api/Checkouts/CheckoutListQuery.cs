using System.Globalization;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>Reads GET /checkouts' query string, naming every parameter that cannot be used.</summary>
public static class CheckoutListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    internal delegate bool TryRead<T>(string text, out T value);

    public static (CheckoutFilter Filter, string? PageToken, int PageSize, IReadOnlyList<FieldError> Errors) Read(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var filter = new CheckoutFilter(
            Status: Parse<PaymentStatus?>(query, "status", TryStatus, $"one of {string.Join(", ", Enum.GetValues<PaymentStatus>().Select(s => s.ToWire()))}", errors),
            Provider: Parse<PaymentProvider?>(query, "provider", TryProvider, $"one of {string.Join(", ", Enum.GetValues<PaymentProvider>().Select(p => p.ToSlug()))}", errors),
            Reference: Parse<string?>(query, "reference", TryReference, "1 to 64 printable characters without quotes or backslashes", errors),
            CreatedAfter: Parse<DateTimeOffset?>(query, "createdAfter", TryInstant, "an ISO 8601 date and time with offset, e.g. 2026-11-23T08:00:00Z", errors),
            NeedsReview: Parse<bool?>(query, "needsReview", TryFlag, "true or false", errors),
            LatePayment: Parse<bool?>(query, "latePayment", TryFlag, "true or false", errors),
            FailedOver: Parse<bool?>(query, "failedOver", TryFlag, "true or false", errors));

        var pageSize = Parse<int?>(query, "pageSize", TryPageSize, $"a whole number from 1 to {MaxPageSize}", errors) ?? DefaultPageSize;
        var pageToken = Parse<string?>(query, "pageToken", TryPageToken, "a nextPageToken from an earlier page", errors);
        return (filter, pageToken, pageSize, errors);
    }

    internal static T? Parse<T>(IQueryCollection query, string name, TryRead<T> read, string rule, List<FieldError> errors)
    {
        if (!query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return default;
        }

        if (values.Count > 1 || !read(values.ToString(), out var value))
        {
            errors.Add(new(name, $"Must be {rule}."));
            return default;
        }

        return value;
    }

    internal static bool TryStatus(string text, out PaymentStatus? status)
    {
        var known = PaymentStatusExtensions.TryParseWire(text, out var parsed);
        status = known ? parsed : null;
        return known;
    }

    internal static bool TryProvider(string text, out PaymentProvider? provider)
    {
        var known = PaymentProviderSlugs.TryParse(text, out var parsed);
        provider = known ? parsed : null;
        return known;
    }

    internal static bool TryReference(string text, out string? reference)
    {
        reference = text;
        return text.Length <= CheckoutValidator.MaxIdentifierLength && !text.Any(c => char.IsControl(c) || c is '\'' or '"' or '\\');
    }

    internal static bool TryInstant(string text, out DateTimeOffset? instant)
    {
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value);
        instant = parsed ? value : null;
        return parsed;
    }

    internal static bool TryFlag(string text, out bool? flag)
    {
        var parsed = bool.TryParse(text, out var value);
        flag = parsed ? value : null;
        return parsed;
    }

    internal static bool TryPageSize(string text, out int? size)
    {
        var parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxPageSize;
        size = parsed ? value : null;
        return parsed;
    }

    internal static bool TryPageToken(string text, out string? token)
    {
        token = text;
        return CheckoutSearch.IsWellFormedPageToken(text);
    }
}
