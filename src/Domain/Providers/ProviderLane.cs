namespace CheckoutOrchestrator.Providers;

/// <summary>The calls of a provider with a <see cref="CallBudget"/>, each kind on a task queue of its own so none can starve another.</summary>
public enum ProviderLane
{
    /// <summary>Opening sessions: what merchants wait for.</summary>
    Creates,

    /// <summary>The lookups a checkout makes on its own schedule (polls, deadline, cancel, confirming a verified callback, the watch).</summary>
    Lookups,

    /// <summary>Lookups bought by a callback that proves nothing (no token, no signature): anybody can send one.</summary>
    Hints,
}
