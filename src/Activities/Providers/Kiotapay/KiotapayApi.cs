using Refit;

namespace CheckoutOrchestrator.Providers.Kiotapay;

/// <summary>Kiotapay's token endpoint, which has no environment segment.</summary>
public interface IKiotapayAuthApi
{
    [Post("/api/v1/get-token")]
    Task<KiotapayTokenResponse> GetTokenAsync([Body] KiotapayTokenRequest body, CancellationToken cancellationToken);
}

/// <summary>Kiotapay's checkout sessions, relative to the environment path (/api/sandbox/v1).</summary>
public interface IKiotapayCheckoutApi
{
    [Post("/checkout-sessions")]
    Task<KiotapayCreateSessionResponse> CreateSessionAsync([Body] KiotapayCreateSessionRequest body, CancellationToken cancellationToken);

    [Get("/checkout-sessions/{checkoutSessionId}")]
    Task<KiotapaySessionDetails> GetSessionAsync(string checkoutSessionId, CancellationToken cancellationToken);
}
