namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A session the provider opened. <see cref="Reference"/> is what we sent as our reference;
/// <see cref="SessionId"/> and <see cref="PaymentId"/> are whatever ids the provider returned.
/// Exactly one of <see cref="CheckoutUrl"/> and <see cref="Action"/> tells the customer what to do.
/// <see cref="CreatedAt"/> is the provider's own creation time, where it reports one (it helps find
/// the session in a provider's list). <see cref="Provider"/> is set when a checkout that named no
/// provider opened somewhere other than its first choice; <see cref="PassedOver"/> says why not there.
/// </summary>
public sealed record ProviderSession(
    string Reference,
    string? SessionId,
    string? PaymentId,
    Uri? CheckoutUrl,
    CustomerAction? Action,
    DateTimeOffset? ExpiresAt,
    ProviderStatus Status,
    DateTimeOffset? CreatedAt = null,
    PaymentProvider? Provider = null,
    IReadOnlyList<string>? PassedOver = null);

/// <summary>What the customer must do when there is no page to open, e.g. approve a prompt on their phone.</summary>
public sealed record CustomerAction(string Kind, string Instructions, string? Phone)
{
    public const string ApproveOnPhone = "approve_on_phone";
}
