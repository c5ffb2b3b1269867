namespace CheckoutOrchestrator.Client;

/// <summary>Which checkouts to list; every filter is optional.</summary>
public sealed record CheckoutListFilter
{
    /// <summary>Only checkouts in this status (see CheckoutStatuses).</summary>
    public string? Status { get; init; }

    /// <summary>Only checkouts at this provider (its slug, e.g. kiotapay).</summary>
    public string? Provider { get; init; }

    /// <summary>Only the checkout with this merchant reference.</summary>
    public string? Reference { get; init; }

    /// <summary>Only checkouts created after this instant.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Only checkouts a person must look at (true), or only the others.</summary>
    public bool? NeedsReview { get; init; }

    /// <summary>Only checkouts paid after they ended (true), or only the others.</summary>
    public bool? LatePayment { get; init; }

    /// <summary>Only checkouts that opened at another provider than their first choice (true), or only the others.</summary>
    public bool? FailedOver { get; init; }

    /// <summary>Checkouts per page fetched (1 to 100); the enumeration itself goes through every page.</summary>
    public int? PageSize { get; init; }
}

/// <summary>One checkout in a list.</summary>
public sealed record CheckoutSummary(
    string CheckoutId,
    string MerchantReference,
    string Provider,
    string Status,
    DateTimeOffset CreatedAt,
    bool NeedsReview,
    bool LatePayment,
    bool FailedOver);

/// <summary>A page of checkouts, as the API answers it.</summary>
public sealed record CheckoutPage(IReadOnlyList<CheckoutSummary> Checkouts, string? NextPageToken);
