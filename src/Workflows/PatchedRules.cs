using CheckoutOrchestrator.Workflows.Rules;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// The rule changes since 1.0 as this run's history has them. The rules ask only where a change
/// decides differently, so a marker is written only where it mattered, and a checkout that started
/// under older rules keeps them when it replays (see the patch policy in docs/development.md).
/// </summary>
internal sealed class PatchedRules : IRuleChanges
{
    public static PatchedRules Instance { get; } = new();

    public bool LookupsAnswerOnlyForEarlierNews => Workflow.Patched("lookups-answer-only-for-earlier-news");

    public bool ForeignReferenceIsReviewed => Workflow.Patched("foreign-reference-reviewed");

    public bool ProviderDeadlineIsCapped => Workflow.Patched("provider-deadline-capped");
}
