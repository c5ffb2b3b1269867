using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Workflows;

/// <summary>Why a checkout's update refuses: a validator's refusal writes nothing to the checkout's history.</summary>
public static class CheckoutRefusals
{
    public static ApplicationFailureException AlreadySucceeded() =>
        new("The checkout is paid: a paid checkout cannot be cancelled.", CheckoutErrorTypes.AlreadySucceeded, nonRetryable: true);

    public static ApplicationFailureException AlreadyEndingOrEnded() =>
        new("The checkout has ended or is already being cancelled: read it for its final state.", CheckoutErrorTypes.AlreadyEnding, nonRetryable: true);

    /// <summary>Why an operator's resolution of this note is refused, or null when it may be taken.</summary>
    public static ApplicationFailureException? ForResolution(IEnumerable<Checkouts.ReviewNote> notes, Checkouts.ReviewReason reason) =>
        notes.FirstOrDefault(n => n.Reason == reason) switch
        {
            null => new("The checkout has no review note for this reason.", CheckoutErrorTypes.NoSuchReview, nonRetryable: true),
            { IsOpen: false } => new("This review note is resolved already; its first resolution stands.", CheckoutErrorTypes.ReviewResolved, nonRetryable: true),
            _ => null,
        };
}
