namespace CheckoutOrchestrator.Providers;

/// <summary>
/// An account-wide request limit. A provider that has one gets a task queue of its own, where the
/// Temporal server holds the rate for every worker at once.
/// </summary>
/// <param name="CallsPerSecond">The queue's rate when the worker's configuration names none.</param>
public sealed record CallBudget(double CallsPerSecond);
