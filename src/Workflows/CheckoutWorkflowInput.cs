using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// Everything a checkout needs, fixed at start: the request, the reference it gives the provider,
/// what the provider can do and when to poll it, so a running checkout keeps the behaviour it
/// started with even if a later release learns more about the provider. No secret is ever part of
/// it. <paramref name="ProviderTaskQueue"/> names the queue of the provider's calls where its
/// request limit is enforced on a queue of its own (null: the checkout's). <paramref name="Watch"/>
/// is set when a checkout that ended continues its late-payment watch in a new run.
/// <paramref name="Alternatives"/> are the providers a checkout that named none may fail over to.
/// <paramref name="EventIdsNameCheckout"/>: its merchant events carry 1.1 ids, which name the checkout.
/// <paramref name="LeftOut"/>: for a checkout that named no provider, each provider routing left out and why.
/// <paramref name="Open"/> is set when a checkout still open continues in a new run (a long history).
/// </summary>
public sealed record CheckoutWorkflowInput(
    string CheckoutId,
    CheckoutRequest Request,
    string RequestFingerprint,
    string ProviderReference,
    ProviderCapabilities Capabilities,
    PollPlan Polls,
    string? ProviderTaskQueue = null,
    ContinuedWatch? Watch = null,
    IReadOnlyList<ProviderRoute>? Alternatives = null,
    bool EventIdsNameCheckout = false,
    IReadOnlyList<string>? LeftOut = null,
    ContinuedCheckout? Open = null)
{
    /// <summary>
    /// This input as the checkout's next run gets it: without what only the create reads (the
    /// customer, the description, the payment methods), which no run after the open needs, so the
    /// customer's details are in one run's input, not in every one a long checkout goes on in.
    /// </summary>
    public CheckoutWorkflowInput ForNextRun() =>
        this with { Request = Request with { Customer = new Customer(null, null, null), Description = string.Empty, AllowedMethods = [] } };
}

/// <summary>An open checkout carried into a new run: where it stands, what its rules hold beside that, and what was published.</summary>
public sealed record ContinuedCheckout(CheckoutSnapshot Checkout, Rules.CheckoutCarry Carry, Published Published);

/// <summary>A checkout's late-payment watch carried into a new run: the checkout as it stands, and what is left to do.</summary>
public sealed record ContinuedWatch(CheckoutSnapshot Checkout, DateTimeOffset Until, IReadOnlyList<DateTimeOffset> Lookups);
