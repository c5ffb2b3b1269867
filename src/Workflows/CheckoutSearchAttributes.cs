using Temporalio.Common;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// What operators filter checkouts by in Temporal UI, and how a webhook that names only a provider
/// id finds its checkout. They must be registered in the namespace (temporal-dev.yaml lists them).
/// </summary>
public static class CheckoutSearchAttributes
{
    public static readonly SearchAttributeKey<string> Status = SearchAttributeKey.CreateKeyword("CheckoutStatus");

    public static readonly SearchAttributeKey<string> Provider = SearchAttributeKey.CreateKeyword("CheckoutProvider");

    public static readonly SearchAttributeKey<string> MerchantId = SearchAttributeKey.CreateKeyword("MerchantId");

    public static readonly SearchAttributeKey<string> MerchantReference = SearchAttributeKey.CreateKeyword("MerchantReference");

    /// <summary>Every id the provider gave the session (session id, payment id, our reference).</summary>
    public static readonly SearchAttributeKey<IReadOnlyCollection<string>> ProviderKeys = SearchAttributeKey.CreateKeywordList("ProviderSessionKeys");

    public static IReadOnlyCollection<SearchAttributeKey> All { get; } = [Status, Provider, MerchantId, MerchantReference, ProviderKeys];
}
