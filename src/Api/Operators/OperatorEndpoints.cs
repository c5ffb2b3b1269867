using System.Security.Claims;
using System.Text.Json;
using CheckoutOrchestrator.Api.Codec;
using CheckoutOrchestrator.Api.OpenApi;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using CheckoutOrchestrator.Workflows;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Operators;

/// <summary>
/// What operators do with the review list: work through the queue across merchants and resolve each
/// note with an outcome. Operator tokens only (static or OIDC, as for the codec); a merchant key is a 401.
/// </summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        var operators = app.MapGroup("/operator/checkouts")
            .RequireAuthorization(CodecEndpoints.Policy)
            .WithTags(OperationContract.OperatorsTag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        operators.MapGet(string.Empty, QueueAsync)
            .WithName("listReviewQueue")
            .Produces<ReviewListPage>()
            .ProducesValidationProblem()
            .WithSummary("The checkouts with an open review note, across merchants, oldest first: filter by reason, provider, merchant and age.");
        operators.MapPost("/{checkoutId}/reviews/{reason}/resolve", ResolveAsync)
            .WithName("resolveReview")
            .Accepts<ResolveReviewBody>("application/json")
            .Produces<CheckoutView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Resolve a checkout's review note with an outcome and a note; written to its history and told to the merchant.");
        return app;
    }

    private static async Task<IResult> QueueAsync(HttpRequest http, ReviewList queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, pageToken, pageSize, errors) = ReviewListFilter.Read(http.Query, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The queue query cannot be used.", errors);
        }

        return await queue.PageAsync(filter, pageToken, pageSize, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : ApiProblems.Fields(StatusCodes.Status400BadRequest, "The queue query cannot be used.", [new("pageToken", "Not a page token this API handed out for this query; start again without it.")]);
    }

    private static async Task<IResult> ResolveAsync(
        string checkoutId, string reason, HttpRequest http, ClaimsPrincipal user, ReviewResolver resolver, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (ReviewReasonNames.Parse(reason) is not { } reviewReason)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "not-found", "No such review reason.", $"A review reason is one of {string.Join(", ", ReviewReasonNames.All)}.");
        }

        if (!http.HasJsonContentType())
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the resolution as application/json.");
        }

        ResolveReviewBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ResolveReviewBody>(http.Body, json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The body is not a valid resolution.", [Checkouts.JsonFieldError.From(ex)]);
        }

        var errors = new List<FieldError>();
        if (body?.Read(errors) is not { } read)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The resolution is incomplete.", errors.Count > 0 ? errors : [new("outcome", "Send {\"outcome\":…,\"note\":…}.")]);
        }

        var result = await resolver.ResolveAsync(checkoutId, new ReviewResolutionRequest(reviewReason, read.Outcome, read.Note, OperatorIdentity.Of(user)), cancellationToken);
        return result switch
        {
            { Resolved: { } resolved } => TypedResults.Ok(resolved.ToView()),
            { Refused: CheckoutErrorTypes.ReviewResolved } => ApiProblems.Problem(
                StatusCodes.Status409Conflict, "review-resolved", "This review note is resolved already.", "Its first resolution stands; read the checkout for it."),
            { Refused: CheckoutErrorTypes.NoSuchReview } => ApiProblems.Problem(
                StatusCodes.Status404NotFound, "not-found", "The checkout has no review note for this reason."),
            { Refused: { } other } => ApiProblems.Problem(StatusCodes.Status409Conflict, "review-refused", "The checkout refused the resolution.", other),
            _ => ApiProblems.NotFound("checkout"),
        };
    }
}
