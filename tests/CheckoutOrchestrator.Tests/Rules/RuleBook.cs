using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows.Rules;

namespace CheckoutOrchestrator.Tests.Rules;

/// <summary>Checkouts and callbacks for the rules tests: time is a parameter, nothing needs a server.</summary>
internal static class RuleBook
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public static ProviderStatus Pending { get; } = new("PENDING", PaymentStatus.Pending);

    public static ProviderStatus Paid { get; } = new("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m);

    public static CheckoutTerms Terms(PaymentProvider provider, int expiresInSeconds = 1800, IRuleChanges? rules = null)
    {
        var request = SampleCheckouts.For(provider) with { ExpiresInSeconds = expiresInSeconds };
        var profile = ProviderProfiles.For(provider);
        return new CheckoutTerms(
            "co_0123456789abcdef0123456789abcdef", request.MerchantId, request.MerchantReference, provider, request.Amount, null, "fingerprint", Start, expiresInSeconds, profile.Capabilities, profile.PollPlan)
        {
            Changes = rules ?? LatestRules.Instance,
        };
    }

    public static Checkout Opened(PaymentProvider provider, int expiresInSeconds = 1800, IRuleChanges? rules = null, string? paymentId = null)
    {
        var checkout = Checkout.Start(Terms(provider, expiresInSeconds, rules));
        checkout.Opened(new ProviderSession("ref-1", "sess_1", paymentId, new Uri("https://pay.example.com/sess_1"), null, null, Pending), Start);
        return checkout;
    }

    public static ProviderEvent Event(string id, PaymentStatus status, CallbackEvidence evidence, decimal? paid = null, string? reference = null, string? paymentId = null) =>
        new(id, evidence, new ProviderStatus(status.ToString(), status, null, paid), reference, Start, ProviderPaymentId: paymentId);

    /// <summary>Makes the lookup due at <paramref name="at"/> with the given answer; fails if none is due.</summary>
    public static StatusLookupNeed LookUp(this Checkout checkout, DateTimeOffset at, ProviderStatus? answer)
    {
        var need = checkout.LookupDue(at) ?? throw new InvalidOperationException($"no lookup due at {at:u}");
        checkout.TakeLookup(need, answer, at);
        return need;
    }

    /// <summary>The rules as 1.0 had them: what a checkout started before 1.1 replays.</summary>
    public sealed class Rules10 : IRuleChanges
    {
        public bool LookupsAnswerOnlyForEarlierNews => false;

        public bool ForeignReferenceIsReviewed => false;

        public bool ProviderDeadlineIsCapped => false;
    }
}
