namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A status as a provider reported it (<see cref="Raw"/>) and what it means for us.
/// <see cref="Status"/> is null when the provider's value is not one we recognise: such a value
/// never changes a checkout, it is only recorded. <see cref="SessionMissing"/> says the provider
/// does not know the session or transaction we asked about; <see cref="Reference"/> is our
/// reference as the provider echoed it, when it does. <see cref="AmountDetail"/> spells out every
/// amount the provider reported (charges, totals, fees), for a person checking a mismatch.
/// <see cref="ReviewNote"/> says why a person should look even though the answer was taken (e.g. two
/// of the provider's answers about one checkout disagreed in a way no rule settles).
/// </summary>
public sealed record ProviderStatus(
    string Raw,
    PaymentStatus? Status,
    string? FailureReason = null,
    decimal? PaidAmount = null,
    bool SessionMissing = false,
    string? Reference = null,
    string? AmountDetail = null,
    string? ReviewNote = null)
{
    public static ProviderStatus Missing(string raw) => new(raw, null, SessionMissing: true);
}
