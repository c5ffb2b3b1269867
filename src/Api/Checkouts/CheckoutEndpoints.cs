using System.Security.Claims;
using System.Text.Json;
using CheckoutOrchestrator.Api.Merchants;
using CheckoutOrchestrator.Checkouts;
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

        checkouts.MapPost(string.Empty, CheckoutCreation.CreateAsync)
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
            CancelResult.StillCancelling => await CheckoutCreation.StillOpeningAsync(checkoutId, user.MerchantOf(), reader, cancellationToken),
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
