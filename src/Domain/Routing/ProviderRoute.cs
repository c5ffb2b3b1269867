using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Routing;

/// <summary>
/// A provider a checkout may open at, fixed when the checkout starts: the reference it gives that
/// provider, and what the provider can do and when to poll it, so a checkout that fails over keeps
/// the behaviour it started with.
/// </summary>
public sealed record ProviderRoute(PaymentProvider Provider, string Reference, ProviderCapabilities Capabilities, PollPlan Polls);
