using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Workflows;

/// <summary>Why a checkout's update refuses: a validator's refusal writes nothing to the checkout's history.</summary>
public static class CheckoutRefusals
{
    public static ApplicationFailureException AlreadySucceeded() =>
        new("The checkout is paid: a paid checkout cannot be cancelled.", CheckoutErrorTypes.AlreadySucceeded, nonRetryable: true);

    public static ApplicationFailureException AlreadyEndingOrEnded() =>
        new("The checkout has ended or is already being cancelled: read it for its final state.", CheckoutErrorTypes.AlreadyEnding, nonRetryable: true);
}
