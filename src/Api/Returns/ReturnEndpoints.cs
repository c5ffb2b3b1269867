using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Api.Returns;

/// <summary>GET /return/{checkoutId}: where providers send the customer back. No key: the URL's token proves it is the checkout's own.</summary>
public static class ReturnEndpoints
{
    public static IEndpointRouteBuilder MapReturnEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/return/{checkoutId}", ReturnAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReturnAsync(
        string checkoutId, string? token, HttpResponse response, CallbackUrls urls, CustomerReturns returns, CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        var destination = CheckoutIds.IsWellFormed(checkoutId) && urls.IsValidReturn(checkoutId, token)
            ? await returns.DestinationAsync(checkoutId, cancellationToken)
            : null;
        return destination is null
            ? Results.Content(
                "<!doctype html><meta charset=utf-8><title>Checkout</title><p>This payment link is not known here. Go back to the shop to see your order.</p>",
                "text/html",
                statusCode: StatusCodes.Status404NotFound)
            : Results.Redirect(destination.AbsoluteUri, permanent: false, preserveMethod: false);
    }
}
