using System.Globalization;
using System.Text.RegularExpressions;
using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Operators;

/// <summary>What the operators' review queue is narrowed to: a reason, a provider, a merchant, checkouts older than a moment.</summary>
public sealed partial record ReviewListFilter(ReviewReason? Reason, PaymentProvider? Provider, string? MerchantId, DateTimeOffset? OlderThan)
{
    /// <summary>Reads GET /operator/checkouts' query string, naming every parameter that cannot be used.</summary>
    public static (ReviewListFilter Filter, string? PageToken, int PageSize, IReadOnlyList<FieldError> Errors) Read(IQueryCollection query, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var needsReview = CheckoutListQuery.Parse<bool?>(query, "needsReview", CheckoutListQuery.TryFlag, "true or false", errors);
        if (needsReview == false)
        {
            errors.Add(new("needsReview", "The queue holds checkouts that need review: leave it out or send true."));
        }

        var filter = new ReviewListFilter(
            CheckoutListQuery.Parse<ReviewReason?>(query, "reason", TryReason, $"one of {string.Join(", ", ReviewReasonNames.All)}", errors),
            CheckoutListQuery.Parse<PaymentProvider?>(query, "provider", CheckoutListQuery.TryProvider, $"one of {string.Join(", ", Enum.GetValues<PaymentProvider>().Select(p => p.ToSlug()))}", errors),
            CheckoutListQuery.Parse<string?>(query, "merchant", CheckoutListQuery.TryReference, "a merchant id", errors),
            CheckoutListQuery.Parse<DateTimeOffset?>(query, "olderThan", (string text, out DateTimeOffset? at) => TryAge(text, now, out at), "an age (30m, 2h, 3d) or an ISO 8601 date and time with offset", errors));
        var pageSize = CheckoutListQuery.Parse<int?>(query, "pageSize", CheckoutListQuery.TryPageSize, $"a whole number from 1 to {CheckoutListQuery.MaxPageSize}", errors) ?? CheckoutListQuery.DefaultPageSize;
        var pageToken = CheckoutListQuery.Parse<string?>(query, "pageToken", CheckoutListQuery.TryPageToken, "a nextPageToken from an earlier page", errors);
        return (filter, pageToken, pageSize, errors);
    }

    private static bool TryReason(string text, out ReviewReason? reason)
    {
        reason = ReviewReasonNames.Parse(text);
        return reason is not null;
    }

    private static bool TryAge(string text, DateTimeOffset now, out DateTimeOffset? at)
    {
        if (Age().Match(text) is { Success: true } age)
        {
            var amount = int.Parse(age.Groups[1].Value, CultureInfo.InvariantCulture);
            var span = age.Groups[2].Value switch { "m" => TimeSpan.FromMinutes(amount), "h" => TimeSpan.FromHours(amount), _ => TimeSpan.FromDays(amount) };
            at = now - span;
            return true;
        }

        return CheckoutListQuery.TryInstant(text, out at);
    }

    [GeneratedRegex("^([0-9]{1,5})([mhd])$")]
    private static partial Regex Age();
}
