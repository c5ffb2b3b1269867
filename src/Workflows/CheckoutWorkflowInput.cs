using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// Everything a checkout needs, fixed at start. The provider's capabilities and poll plan travel with
/// it, so a running checkout keeps the behaviour it started with even if a later release learns more
/// about the provider (checkouts started before plans were kept poll by <see cref="PollPlan.Original"/>).
/// No secret is ever part of it. <paramref name="ProviderTaskQueue"/> names the queue of the
/// provider's calls where its request limit is enforced on a queue of its own (null: the checkout's).
/// </summary>
public sealed record CheckoutWorkflowInput(
    string CheckoutId,
    CheckoutRequest Request,
    string RequestFingerprint,
    ProviderCapabilities Capabilities,
    PollPlan? Polls = null,
    string? ProviderTaskQueue = null);
