namespace CheckoutOrchestrator.Client;

/// <summary>The statuses a checkout can be in, as the API writes them.</summary>
public static class CheckoutStatuses
{
    public const string Pending = "pending";
    public const string RequiresAction = "requires_action";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string status) => status is Succeeded or Failed or Expired or Cancelled;
}
