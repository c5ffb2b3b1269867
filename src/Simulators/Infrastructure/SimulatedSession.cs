namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>One hosted-checkout session inside a simulated provider, in that provider's vocabulary.</summary>
public sealed class SimulatedSession
{
    public SimulatedSession(string id, DateTimeOffset createdAt, DateTimeOffset expiresAt, string status)
    {
        Id = id;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Status = status;
        UpdatedAt = createdAt;
    }

    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public string? Reference { get; init; }

    public string? Description { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? CustomerName { get; init; }

    public Uri? CallbackUrl { get; init; }

    public Uri? SuccessUrl { get; init; }

    public Uri? FailureUrl { get; init; }

    public Uri? CancelUrl { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>Provider-specific fields (Kiotapay's checkoutRef, Waftpay's payment_uuid, …).</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    public object Sync { get; } = new();

    public string Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? PaidWith { get; set; }

    /// <summary>When the customer paid; null while unpaid. The truth a reliability run checks the orchestrator against.</summary>
    public DateTimeOffset? PaidAt { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>Whether the customer is done with it (paid, failed, cancelled or expired).</summary>
    public bool IsFinal { get; private set; }

    /// <summary>After a failed attempt, the page stays open for another (the provider's status keeps saying it failed until then).</summary>
    public void Reopen() => IsFinal = false;

    public void MoveTo(string status, DateTimeOffset at, bool isFinal = false)
    {
        Status = status;
        UpdatedAt = at;
        IsFinal = isFinal;
    }
}
