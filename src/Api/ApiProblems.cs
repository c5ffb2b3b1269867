using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Validation;
using CheckoutOrchestrator.Workflows;

namespace CheckoutOrchestrator.Api;

/// <summary>RFC 9457 problem details for every way a request can go wrong. Field errors are listed per field.</summary>
public static class ApiProblems
{
    public const string TypeBase = "https://checkout-orchestrator.dev/problems/";

    public static IResult Fields(int status, string title, IEnumerable<FieldError> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            statusCode: status,
            title: title,
            type: TypeBase + (status == StatusCodes.Status400BadRequest ? "invalid-request" : "unacceptable-checkout"));

    public static IResult Problem(int status, string slug, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypeBase + slug, extensions: extensions);

    public static IResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, "not-found", $"No such {what}.");

    /// <summary>A session that could not be opened: the caller's fault (422) or the provider's (502/503).</summary>
    public static IResult CreateFailed(string checkoutId, CheckoutFailure failure)
    {
        var extensions = new Dictionary<string, object?> { ["checkoutId"] = checkoutId, ["errorType"] = failure.Type };
        if (failure.Provider is { } provider)
        {
            extensions["providerCode"] = provider.Code;
            extensions["providerMessage"] = provider.Message;
            extensions["providerHttpStatus"] = provider.HttpStatus;
        }

        return failure.Type switch
        {
            ProviderErrorTypes.InvalidCheckoutRequest when failure.FieldErrors is { Count: > 0 } fields =>
                Fields(StatusCodes.Status422UnprocessableEntity, "The checkout breaks the provider's rules.", fields),
            ProviderErrorTypes.Rejected or ProviderErrorTypes.InvalidCheckoutRequest =>
                Problem(StatusCodes.Status422UnprocessableEntity, "provider-rejected", "The provider refused the checkout.", failure.Message, extensions),
            ProviderErrorTypes.NotConfigured =>
                Problem(StatusCodes.Status422UnprocessableEntity, "provider-not-offered", "This provider is not offered here.", failure.Message, extensions),
            ProviderErrorTypes.CreateOutcomeUnknown =>
                Problem(StatusCodes.Status502BadGateway, "provider-outcome-unknown", "The provider may or may not have opened a session.", failure.Message, extensions),
            ProviderErrorTypes.AuthenticationFailed =>
                Problem(StatusCodes.Status503ServiceUnavailable, "provider-unavailable", "The provider refused our credentials.", failure.Message, extensions),
            _ => Problem(StatusCodes.Status502BadGateway, "provider-unavailable", "The provider could not open a session.", failure.Message, extensions),
        };
    }
}
