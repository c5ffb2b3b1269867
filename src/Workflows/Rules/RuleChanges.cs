namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// The rules changed since 1.0 in ways that change a workflow's commands. A running workflow answers
/// each from <c>Workflow.Patched</c>, and the rules ask only where old and new rules decide
/// differently, so a checkout that started under older rules replays them and its history gains a
/// marker only where the change mattered. Everything else (unit tests, the API's opening answer)
/// follows the latest rules.
/// </summary>
public interface IRuleChanges
{
    /// <summary>
    /// A lookup confirms or refutes only what arrived before it was asked: a claim, a cancel or a
    /// deadline that came while it was in flight waits for a lookup asked after it (1.1).
    /// </summary>
    bool LookupsAnswerOnlyForEarlierNews { get; }

    /// <summary>An authenticated callback naming another reference buys a lookup and goes on review instead of being dropped (1.1).</summary>
    bool ForeignReferenceIsReviewed { get; }

    /// <summary>A provider's own session expiry moves the deadline only up to <see cref="Checkouts.CheckoutLife.LongestDeadline"/> after the start (1.1).</summary>
    bool ProviderDeadlineIsCapped { get; }
}

/// <summary>Every rule as this release has it.</summary>
public sealed class LatestRules : IRuleChanges
{
    public static LatestRules Instance { get; } = new();

    public bool LookupsAnswerOnlyForEarlierNews => true;

    public bool ForeignReferenceIsReviewed => true;

    public bool ProviderDeadlineIsCapped => true;
}
