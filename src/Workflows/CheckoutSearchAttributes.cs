using Temporalio.Common;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// What operators filter checkouts by in Temporal UI, and how a webhook that names only a provider
/// id finds its checkout. They must be registered in the namespace (temporal-dev.yaml lists them).
/// None of them carries personal data.
/// </summary>
public static class CheckoutSearchAttributes
{
    public static readonly SearchAttributeKey<string> Status = SearchAttributeKey.CreateKeyword("CheckoutStatus");

    public static readonly SearchAttributeKey<string> Provider = SearchAttributeKey.CreateKeyword("CheckoutProvider");

    public static readonly SearchAttributeKey<string> MerchantId = SearchAttributeKey.CreateKeyword("MerchantId");

    public static readonly SearchAttributeKey<string> MerchantReference = SearchAttributeKey.CreateKeyword("MerchantReference");

    /// <summary>Every id the provider gave the session (session id, payment id, our reference).</summary>
    public static readonly SearchAttributeKey<IReadOnlyCollection<string>> ProviderKeys = SearchAttributeKey.CreateKeywordList("ProviderSessionKeys");

    /// <summary>Something about the checkout needs a person: the operators' review list.</summary>
    public static readonly SearchAttributeKey<bool> NeedsReview = SearchAttributeKey.CreateBool("NeedsReview");

    /// <summary>The reasons of the review notes still open (<c>late_payment</c>, …): the operators' queue filters by them.</summary>
    public static readonly SearchAttributeKey<IReadOnlyCollection<string>> ReviewReasons = SearchAttributeKey.CreateKeywordList("CheckoutReviewReasons");

    /// <summary>Money arrived after the checkout had ended.</summary>
    public static readonly SearchAttributeKey<bool> LatePayment = SearchAttributeKey.CreateBool("LatePayment");

    /// <summary>A checkout that named no provider opened at another than its first choice.</summary>
    public static readonly SearchAttributeKey<bool> FailedOver = SearchAttributeKey.CreateBool("FailedOver");

    public static IReadOnlyCollection<SearchAttributeKey> All { get; } = [Status, Provider, MerchantId, MerchantReference, ProviderKeys, NeedsReview, ReviewReasons, LatePayment, FailedOver];
}
