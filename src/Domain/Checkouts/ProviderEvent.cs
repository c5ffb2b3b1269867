namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A provider callback as it reaches a checkout, with how far it can be believed
/// (<see cref="Evidence"/>). <see cref="ReviewNote"/> says why a person should look at it (e.g. the
/// provider's fields disagree); <see cref="ProviderPaymentId"/> is the provider's own id for the
/// payment, when the callback names one. <see cref="Earlier"/> are callbacks of the same checkout
/// that arrived before this one and were held to travel in its signal (see <see cref="IsBareProgress"/>).
/// </summary>
public sealed record ProviderEvent(
    string EventId,
    CallbackEvidence Evidence,
    ProviderStatus? Status,
    string? ProviderReference,
    DateTimeOffset ReceivedAt,
    string? ReviewNote = null,
    string? ProviderPaymentId = null,
    IReadOnlyList<ProviderEvent>? Earlier = null)
{
    /// <summary>Longest provider status text a callback carries into a checkout: nobody can grow a history with it.</summary>
    public const int MaxHintStatusLength = 64;

    /// <summary>Longest id or reference a callback carries in.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest note or reason a callback carries in.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Whether the provider says, in words we understand, that the money moved.</summary>
    public bool ClaimsSuccess => Status?.Status == PaymentStatus.Succeeded;

    public bool IsHint => Evidence == CallbackEvidence.Hint;

    /// <summary>
    /// Whether a callback whose word needs a lookup is worth one: it claims a final status, or one we
    /// cannot read. Progress alone buys none (the next poll, or the final callback's lookup, says more).
    /// </summary>
    public bool WorthALookup => Status?.Status is not { } claimed || claimed.IsTerminal();

    /// <summary>
    /// An authenticated word of progress and nothing a person must look at: it cannot change how the
    /// checkout ends, so it may wait to travel with the checkout's next callback instead of costing a signal of its own.
    /// </summary>
    public bool IsBareProgress =>
        !IsHint && Status is { Status: { } said, ReviewNote: null, AmountDetail: null, SessionMissing: false } && !said.IsTerminal() && ReviewNote is null && Earlier is null;

    /// <summary>The callbacks this one brings, in the order they arrived: those held for it, then itself.</summary>
    public IEnumerable<ProviderEvent> Arrivals() => [.. Earlier ?? [], this with { Earlier = null }];

    /// <summary>
    /// What of an unauthenticated callback reaches a checkout: the status it claims, in a few
    /// characters, and nothing a lookup could trust (no reference, no payment id, no note).
    /// </summary>
    public ProviderEvent AsHint() => new(
        EventId,
        CallbackEvidence.Hint,
        Status is { } status ? new ProviderStatus(Shorten(status.Raw), status.Status) : null,
        null,
        ReceivedAt);

    /// <summary>
    /// The callback as it may enter a checkout's history: every text an authenticated body brings
    /// bounded (a 60 000-character status would otherwise travel into every signal and snapshot).
    /// </summary>
    public ProviderEvent Bounded() => this with
    {
        EventId = Cut(EventId, MaxIdLength)!,
        Status = Status is { } status
            ? status with
            {
                Raw = Shorten(status.Raw),
                FailureReason = Cut(status.FailureReason, MaxNoteLength),
                Reference = Cut(status.Reference, MaxIdLength),
                AmountDetail = Cut(status.AmountDetail, MaxNoteLength),
                ReviewNote = Cut(status.ReviewNote, MaxNoteLength),
            }
            : null,
        ProviderReference = Cut(ProviderReference, MaxIdLength),
        ReviewNote = Cut(ReviewNote, MaxNoteLength),
        ProviderPaymentId = Cut(ProviderPaymentId, MaxIdLength),
    };

    private static string Shorten(string raw) => raw.Length <= MaxHintStatusLength ? raw : raw[..MaxHintStatusLength];

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
