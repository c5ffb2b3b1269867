using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Checkouts;

public static class CheckoutEndpoints
{
    public static IEndpointRouteBuilder MapCheckoutEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/checkouts", CreateAsync)
            .Accepts<CreateCheckoutBody>("application/json")
            .Produces<CheckoutView>(StatusCodes.Status201Created)
            .Produces<PendingCheckout>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Open a hosted checkout, or get back the one already opened for this merchant reference.");
        app.MapGet("/checkouts/{checkoutId}", GetAsync)
            .Produces<CheckoutView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A checkout's status, provider ids, amount and timeline.");
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest http, CheckoutGateway gateway, IOptions<JsonOptions> json, CancellationToken cancellationToken)
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

        var (request, errors) = CheckoutRequestReader.Read(body);
        if (request is null)
        {
            return ApiProblems.Fields(StatusCodes.Status400BadRequest, "The checkout request is incomplete.", errors);
        }

        var broken = CheckoutValidator.Validate(request);
        if (broken.Count > 0)
        {
            return ApiProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The checkout breaks a rule.", broken);
        }

        var outcome = await gateway.OpenAsync(request, cancellationToken);
        var location = $"/checkouts/{outcome.CheckoutId}";
        return outcome.Result switch
        {
            OpenResult.Opened => TypedResults.Created(location, CheckoutView.From(outcome.Snapshot!)),
            OpenResult.StillOpening => TypedResults.Accepted(location, new PendingCheckout(outcome.CheckoutId, PaymentStatus.Pending)),
            OpenResult.Conflict => ApiProblems.Problem(
                StatusCodes.Status409Conflict,
                "reference-conflict",
                "This merchant reference already belongs to a different checkout.",
                "Use a new merchantReference for a new checkout, or repeat the original request unchanged.",
                new Dictionary<string, object?> { ["checkoutId"] = outcome.CheckoutId }),
            _ => ApiProblems.CreateFailed(outcome.CheckoutId, outcome.Failure!),
        };
    }

    private static async Task<IResult> GetAsync(string checkoutId, CheckoutGateway gateway, CancellationToken cancellationToken)
    {
        var snapshot = CheckoutIds.IsWellFormed(checkoutId) ? await gateway.FindAsync(checkoutId, cancellationToken) : null;
        return snapshot is null ? ApiProblems.NotFound("checkout") : TypedResults.Ok(CheckoutView.From(snapshot));
    }
}

/// <summary>A checkout whose provider has not answered yet: poll its address.</summary>
public sealed record PendingCheckout(string CheckoutId, PaymentStatus Status);
