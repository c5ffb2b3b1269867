namespace CheckoutOrchestrator.Client;

/// <summary>The statuses a checkout can be in, as the API writes them.</summary>
public static class CheckoutStatuses
{
    /// <summary>Opened; nothing paid yet.</summary>
    public const string Pending = "pending";

    /// <summary>The customer must act (e.g. approve a prompt on their phone).</summary>
    public const string RequiresAction = "requires_action";

    /// <summary>A payment is under way at the provider.</summary>
    public const string Processing = "processing";

    /// <summary>Paid. Final.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Ended unpaid after a failed attempt, or no session could be opened. Final.</summary>
    public const string Failed = "failed";

    /// <summary>Ended unpaid at its deadline. Final.</summary>
    public const string Expired = "expired";

    /// <summary>Cancelled by the merchant before it was paid. Final.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Whether a status is final: it never changes again.</summary>
    public static bool IsFinal(string status) => status is Succeeded or Failed or Expired or Cancelled;
}
