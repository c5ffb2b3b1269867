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

/// <summary>A merchant's checkouts: open, list, read (waiting for the end if asked) and cancel. Every call needs the merchant's API key.</summary>
public static class CheckoutEndpoints
{
    public const int MaxCancelReasonLength = 200;
    public const string CreateOperation = "createCheckout";
    public const string GetOperation = "getCheckout";
    public const string ListOperation = "listCheckouts";
    public const string CancelOperation = "cancelCheckout";

    public static IEndpointRouteBuilder MapCheckoutEndpoints(this IEndpointRouteBuilder app)
    {
        var checkouts = app.MapGroup("/checkouts")
            .RequireAuthorization(MerchantAccess.Policy)
            .RequireRateLimiting(MerchantAccess.RateLimit)
            .WithTags(OpenApi.OperationContract.CheckoutsTag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        checkouts.MapPost(string.Empty, CreateAsync)
            .WithName(CreateOperation)
            .Accepts<CreateCheckoutBody>("application/json")
            .Produces<CheckoutView>(StatusCodes.Status201Created)
            .Produces<CheckoutView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Open a hosted checkout, or get back the one already opened for this merchant reference.");
        checkouts.MapGet(string.Empty, ListAsync)
            .WithName(ListOperation)
            .Produces<CheckoutPage>()
            .ProducesValidationProblem()
            .WithSummary("The merchant's checkouts, newest first: filter by status, provider, reference, creation time, review or late payment.");
        checkouts.MapGet("/{checkoutId}", GetAsync)
            .WithName(GetOperation)
            .Produces<CheckoutView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A checkout's status, provider ids, amount, timeline and merchant events; ?wait=30s answers as soon as it is final.");
        checkouts.MapPost("/{checkoutId}/cancel", CancelAsync)
            .WithName(CancelOperation)
            .Accepts<CancelCheckoutBody>(isOptional: true, "application/json")
            .Produces<CheckoutView>()
            .Produces<CheckoutView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Cancel a checkout that is not paid; a payment that beat the cancel makes it a 409.");
        return app;
    }

    private static async Task<IResult> CreateAsync(
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
    private static async Task<IResult> StillOpeningAsync(string checkoutId, string merchantId, CheckoutReader reader, CancellationToken cancellationToken) =>
        await reader.FindAsync(checkoutId, merchantId, cancellationToken) is { } checkout
            ? TypedResults.Accepted($"/checkouts/{checkoutId}", checkout.ToView())
            : ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "try-again", "The checkout is being opened; read it again in a moment.", $"GET /checkouts/{checkoutId}");

    private static async Task<IResult> ListAsync(HttpRequest http, ClaimsPrincipal user, CheckoutSearch search, CancellationToken cancellationToken)
    {
        var (filter, pageToken, pageSize, errors) = CheckoutListQuery.Read(http.Query);
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The list query cannot be used.", errors);
        }

        return await search.ListAsync(user.MerchantOf(), filter, pageToken, pageSize, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : ApiProblems.Fields(StatusCodes.Status400BadRequest, "The list query cannot be used.", [new("pageToken", "Not a page token this API handed out; start again without it.")]);
    }

    private static async Task<IResult> GetAsync(string checkoutId, string? wait, ClaimsPrincipal user, CheckoutReader reader, CancellationToken cancellationToken)
    {
        if (!WaitParameter.TryRead(wait, out var waitFor))
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The wait cannot be used.", [new("wait", "Must be whole seconds, e.g. 30 or 30s.")]);
        }

        var snapshot = CheckoutIds.IsWellFormed(checkoutId)
            ? await reader.WaitForFinalAsync(checkoutId, user.MerchantOf(), waitFor, cancellationToken)
            : null;
        return snapshot is null ? ApiProblems.NotFound("checkout") : TypedResults.Ok(snapshot.ToView());
    }

    private static async Task<IResult> CancelAsync(
        string checkoutId, HttpRequest http, ClaimsPrincipal user, CheckoutCanceller canceller, CheckoutReader reader, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        string? reason = null;
        if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
        {
            if (!http.HasJsonContentType())
            {
                return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the reason as application/json, or no body.");
            }

            try
            {
                reason = (await JsonSerializer.DeserializeAsync<CancelCheckoutBody>(http.Body, json.Value.SerializerOptions, cancellationToken))?.Reason;
            }
            catch (JsonException ex)
            {
                return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The body is not a valid cancel request.", [JsonFieldError.From(ex)]);
            }

            if (reason is not null && (reason.Length > MaxCancelReasonLength || reason.Any(char.IsControl)))
            {
                return ApiProblems.Fields(
                    StatusCodes.Status400BadRequest, "The cancel request cannot be used.", [new("reason", $"At most {MaxCancelReasonLength} printable characters.")]);
            }
        }

        var outcome = CheckoutIds.IsWellFormed(checkoutId)
            ? await canceller.CancelAsync(checkoutId, user.MerchantOf(), reason, cancellationToken)
            : new CancelOutcome(CancelResult.NotFound);
        return outcome.Result switch
        {
            CancelResult.Final => TypedResults.Ok(outcome.Snapshot!.ToView()),
            CancelResult.StillCancelling => await StillOpeningAsync(checkoutId, user.MerchantOf(), reader, cancellationToken),
            CancelResult.AlreadySucceeded => ApiProblems.Problem(
                StatusCodes.Status409Conflict,
                "already-succeeded",
                "The checkout is paid and cannot be cancelled.",
                "Refund the payment at the provider instead.",
                new Dictionary<string, object?> { ["checkoutId"] = checkoutId }),
            _ => ApiProblems.NotFound("checkout"),
        };
    }
}
