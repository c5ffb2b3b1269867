namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// What an open checkout's rules hold beyond its snapshot, carried into a new run of its workflow
/// when Temporal suggests continuing as new: its deadline and polls, what its last lookups said, and
/// the claims still to settle. Nothing is in flight across runs (no lookup, no cancel, no delivery).
/// </summary>
public sealed record CheckoutCarry(DeadlineState Deadline, LookupState Lookups, ClaimsState Claims);
