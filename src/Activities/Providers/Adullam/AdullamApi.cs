using Refit;

namespace CheckoutOrchestrator.Providers.Adullam;

public interface IAdullamAuthApi
{
    [Post("/v1/auth/token")]
    Task<AdullamTokenResponse> GetTokenAsync([Body] AdullamTokenRequest body, CancellationToken cancellationToken);
}

public interface IAdullamApi
{
    [Post("/v1/checkouts")]
    Task<AdullamCheckoutSession> CreateCheckoutAsync(
        [Body] AdullamCreateCheckoutRequest body,
        [Header("idempotency-key")] string idempotencyKey,
        CancellationToken cancellationToken);

    [Get("/v1/checkouts")]
    Task<AdullamCheckoutPage> ListCheckoutsAsync(int limit, int offset, CancellationToken cancellationToken);

    [Get("/v1/checkouts/{checkoutId}")]
    Task<AdullamCheckoutSession> GetCheckoutAsync(string checkoutId, CancellationToken cancellationToken);
}
