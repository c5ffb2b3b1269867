using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CheckoutOrchestrator.Api.Merchants;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Routing;
using CheckoutOrchestrator.Validation;
using CheckoutOrchestrator.Workflows.Opening;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>Opening a checkout through the API: the one admission step a request passes before its workflow starts.</summary>
public static class CheckoutCreation
{
    /// <summary>POST /checkouts: read the body, route it, check it once against our rules and the provider's, hold the merchant to its share, open.</summary>
    public static async Task<IResult> CreateAsync(
        HttpRequest http,
        ClaimsPrincipal user,
        CheckoutOpener opener,
        CheckoutReader reader,
        ProviderRouter router,
        MerchantCreateShares shares,
        IOptions<JsonOptions> json,
        IOptions<NotificationOptions> notifications,
        CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the checkout as application/json.");
        }

        CreateCheckoutBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CreateCheckoutBody>(http.Body, json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The body is not a valid checkout request.", [JsonFieldError.From(ex)]);
        }

        if (body is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-request", "The body must be a JSON object.");
        }

        var merchantId = user.MerchantOf();
        if (!string.IsNullOrEmpty(body.MerchantId) && body.MerchantId != merchantId)
        {
            return ApiProblems.Problem(
                StatusCodes.Status403Forbidden,
                "merchant-mismatch",
                "The body names another merchant than the API key's.",
                "Leave merchantId out (the key says who you are) or send your own.");
        }

        var (request, route, errors) = CheckoutRequestReader.Read(body, merchantId, notifications.Value.AllowPlainHttp);
        if (request is null)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The checkout request is incomplete.", errors);
        }

        IReadOnlyList<string>? leftOut = null;
        if (route is not null)
        {
            var common = CheckoutValidator.ValidateCommon(request);
            if (common.Count > 0)
            {
                return ApiProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The checkout breaks a rule.", common);
            }

            var plan = router.Plan(request, route);
            if (plan.Providers.Count == 0)
            {
                return ApiProblems.Fields(StatusCodes.Status422UnprocessableEntity, "No provider takes this checkout.", plan.Refusals);
            }

            request = request with { Provider = plan.Providers[0], Alternatives = [.. plan.Providers.Skip(1)] };
            leftOut = [.. plan.Refusals.Select(r => r.Message)];
        }

        var broken = CheckoutValidator.Validate(ProviderRouter.RequestFor(request, request.Provider));
        if (broken.Count > 0)
        {
            return ApiProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The checkout breaks a rule.", broken);
        }

        if (shares.Take(merchantId, request.Provider) is { } retryAfter)
        {
            http.HttpContext.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ApiProblems.Problem(
                StatusCodes.Status429TooManyRequests,
                "provider-share-spent",
                $"This merchant has opened its share of {request.Provider.ToSlug()}'s checkouts for now; retry after the Retry-After delay.",
                $"{request.Provider} allows so many requests an hour for every merchant together; one merchant may open a third of them.");
        }

        var outcome = await opener.OpenAsync(request, leftOut, cancellationToken);
        var location = $"/checkouts/{outcome.CheckoutId}";
        return outcome.Result switch
        {
            OpenResult.Opened => TypedResults.Created(location, outcome.Snapshot!.ToView()),
            OpenResult.StillOpening => await StillOpeningAsync(outcome.CheckoutId, merchantId, reader, cancellationToken),
            OpenResult.Conflict => ApiProblems.Problem(
                StatusCodes.Status409Conflict,
                "reference-conflict",
                "This merchant reference already belongs to a different checkout.",
                "Use a new merchantReference for a new checkout, or repeat the original request unchanged.",
                new Dictionary<string, object?> { ["checkoutId"] = outcome.CheckoutId }),
            _ => ApiProblems.CreateFailed(outcome.CheckoutId, outcome.Failure!),
        };
    }

    /// <summary>
    /// A 202: the checkout as it stands (no URL yet, or a cancel's last lookup still running), in the
    /// same shape as a 201 so every generated client reads it as a checkout; read it again at Location.
    /// </summary>
    public static async Task<IResult> StillOpeningAsync(string checkoutId, string merchantId, CheckoutReader reader, CancellationToken cancellationToken) =>
        await reader.FindAsync(checkoutId, merchantId, cancellationToken) is { } checkout
            ? TypedResults.Accepted($"/checkouts/{checkoutId}", checkout.ToView())
            : ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "try-again", "The checkout is being opened; read it again in a moment.", $"GET /checkouts/{checkoutId}");
}
