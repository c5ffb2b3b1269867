using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// The provider's side of a checkout as it knows it: the session opened (or why none was), the
/// status the provider last reported, the payment id its callbacks taught us, and where a checkout
/// that named no provider was routed.
/// </summary>
public sealed class SessionRecord
{
    public SessionRecord(RoutingView? routing, ProviderSession? session = null, string? lastStatus = null)
    {
        Routing = routing;
        Session = session;
        LastStatus = lastStatus;
    }

    public ProviderSession? Session { get; private set; }

    /// <summary>The provider's own word for where the session stands, as last reported.</summary>
    public string? LastStatus { get; private set; }

    public CheckoutFailure? CreateFailure { get; private set; }

    public RoutingView? Routing { get; private set; }

    /// <summary>Before the create: a checkout that named no provider starts routed to its first choice.</summary>
    public static SessionRecord Before(CheckoutTerms terms) => new(
        terms.Alternatives is { } alternatives
            ? new([terms.Provider.ToSlug(), .. alternatives.Select(r => r.Provider.ToSlug())], terms.Provider.ToSlug(), false, terms.LeftOut ?? [])
            : null);

    public void Opened(ProviderSession session)
    {
        Session = session;
        LastStatus = session.Status.Raw;
    }

    public void OpenFailed(CheckoutFailure failure) => CreateFailure = failure;

    /// <summary>The checkout opened at an alternative: that provider's from here on, and why the others were passed over.</summary>
    public void FailedOver(PaymentProvider provider, IReadOnlyList<string> passedOver) =>
        Routing = Routing! with { Chosen = provider.ToSlug(), FailedOver = true, PassedOver = [.. Routing.PassedOver, .. passedOver] };

    public void Reported(string raw) => LastStatus = raw;

    /// <summary>
    /// Waftpay returns no id at create; the newest id its authenticated callbacks name is one its
    /// query is asked by.
    /// </summary>
    public void LearnPaymentId(string? paymentId)
    {
        if (paymentId is { Length: > 0 } && Session is { } session && session.PaymentId != paymentId)
        {
            Session = session with { PaymentId = paymentId };
        }
    }
}
