namespace CheckoutOrchestrator.Client;

/// <summary>Which checkouts to list; every filter is optional.</summary>
public sealed record CheckoutListFilter
{
    public string? Status { get; init; }

    public string? Provider { get; init; }

    public string? Reference { get; init; }

    public DateTimeOffset? CreatedAfter { get; init; }

    public bool? NeedsReview { get; init; }

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
