using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Events;

/// <summary>Reads GET /events' query string, naming every parameter that cannot be used.</summary>
public static class EventListQuery
{
    public static (EventFilter Filter, string? PageToken, int PageSize, IReadOnlyList<FieldError> Errors) Read(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var checkoutId = Single(query, "checkoutId", CheckoutIds.IsWellFormed, "a checkout id (co_ and 32 hex digits)", errors);
        var type = Single(query, "type", t => TypeNamed(t) is not null, $"one of {string.Join(", ", MerchantEventTypes.All)}", errors);
        var delivered = Single(query, "delivered", t => bool.TryParse(t, out _), "true or false", errors);
        var pageSize = Single(query, "pageSize", t => int.TryParse(t, out var n) && n is >= 1 and <= CheckoutListQuery.MaxPageSize, $"a whole number from 1 to {CheckoutListQuery.MaxPageSize}", errors);
        var pageToken = Single(query, "pageToken", CheckoutSearch.IsWellFormedPageToken, "a nextPageToken from an earlier page", errors);
        return (
            new EventFilter(checkoutId, type is null ? null : TypeNamed(type), delivered is null ? null : bool.Parse(delivered)),
            pageToken,
            pageSize is null ? CheckoutListQuery.DefaultPageSize : int.Parse(pageSize, System.Globalization.CultureInfo.InvariantCulture),
            errors);
    }

    private static string? TypeNamed(string text) => MerchantEventTypes.All.FirstOrDefault(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase));

    private static string? Single(IQueryCollection query, string name, Func<string, bool> valid, string rule, List<FieldError> errors)
    {
        if (!query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return null;
        }

        if (values.Count > 1 || !valid(values.ToString()))
        {
            errors.Add(new(name, $"Must be {rule}."));
            return null;
        }

        return values.ToString();
    }
}
