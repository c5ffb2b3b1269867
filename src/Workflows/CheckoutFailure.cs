using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Validation;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Workflows;

/// <summary>Why no session was opened: the error type and, when there is one, what the provider said or which fields broke its rules.</summary>
public sealed record CheckoutFailure(
    string Type,
    string Message,
    ProviderErrorDetails? Provider = null,
    IReadOnlyList<FieldError>? FieldErrors = null)
{
    /// <summary>Reads a failed create activity as the workflow sees it.</summary>
    public static CheckoutFailure FromActivity(ActivityFailureException failure) => FromCause(failure.InnerException, failure.Message);

    /// <summary>
    /// Reads why a create activity failed (as its history records it). A timeout means an attempt
    /// was cut short (e.g. a worker died mid-request), so whether a session exists is unknown.
    /// </summary>
    public static CheckoutFailure FromCause(Exception? cause, string message) => cause switch
    {
        ApplicationFailureException { ErrorType: ProviderErrorTypes.InvalidCheckoutRequest } app =>
            new(ProviderErrorTypes.InvalidCheckoutRequest, app.Message, FieldErrors: app.Details.Count > 0 ? app.Details.ElementAt<List<FieldError>>(0) : null),
        ApplicationFailureException app =>
            new(app.ErrorType ?? ProviderErrorTypes.Unavailable, app.Message, app.Details.Count > 0 ? app.Details.ElementAt<ProviderErrorDetails>(0) : null),
        TimeoutFailureException timeout =>
            new(ProviderErrorTypes.CreateOutcomeUnknown, $"The create did not finish ({timeout.TimeoutType}); the provider may have opened a session."),
        { } other => new(ProviderErrorTypes.Unavailable, other.Message),
        null => new(ProviderErrorTypes.Unavailable, message),
    };
}
