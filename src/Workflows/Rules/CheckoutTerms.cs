using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>What a checkout was asked to be, fixed when it started: who, how much, where, and what its provider can do.</summary>
public sealed record CheckoutTerms(
    string CheckoutId,
    string MerchantId,
    string MerchantReference,
    PaymentProvider Provider,
    Money Amount,
    Uri? NotificationUrl,
    string RequestFingerprint,
    DateTimeOffset CreatedAt,
    int ExpiresInSeconds,
    ProviderCapabilities Capabilities,
    PollPlan Plan,
    IReadOnlyList<ProviderRoute>? Alternatives = null,
    IReadOnlyList<string>? LeftOut = null)
{
    /// <summary>Which of the rules changed since 1.0 this checkout follows (a running workflow answers from its patches).</summary>
    public IRuleChanges Changes { get; init; } = LatestRules.Instance;

    public static CheckoutTerms Of(CheckoutWorkflowInput input, DateTimeOffset createdAt) => new(
        input.CheckoutId,
        input.Request.MerchantId,
        input.Request.MerchantReference,
        input.Request.Provider,
        input.Request.Amount,
        input.Request.NotificationUrl,
        input.RequestFingerprint,
        createdAt,
        input.Request.ExpiresInSeconds,
        input.Capabilities,
        input.Polls,
        input.Alternatives,
        input.LeftOut);

    public static CheckoutTerms Of(CheckoutSnapshot checkout, ProviderCapabilities capabilities, PollPlan plan) => new(
        checkout.CheckoutId,
        checkout.MerchantId,
        checkout.MerchantReference,
        checkout.Provider,
        checkout.Amount,
        checkout.NotificationUrl,
        checkout.RequestFingerprint,
        checkout.CreatedAt,
        0,
        capabilities,
        plan);

    /// <summary>These terms with one of the alternatives as the provider, or null when it is none of them (or already the provider).</summary>
    public CheckoutTerms? RoutedTo(PaymentProvider alternative) =>
        alternative != Provider && Alternatives?.FirstOrDefault(r => r.Provider == alternative) is { } route
            ? this with { Provider = alternative, Capabilities = route.Capabilities, Plan = route.Polls }
            : null;
}
