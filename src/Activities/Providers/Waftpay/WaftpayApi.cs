using Refit;

namespace CheckoutOrchestrator.Providers.Waftpay;

public interface IWaftpayAuthApi
{
    [Post("/authentication-service/v1/api/generate-token")]
    Task<WaftpayTokenResponse> GenerateTokenAsync([Body] WaftpayTokenRequest body, CancellationToken cancellationToken);
}

public interface IWaftpayCheckoutApi
{
    [Post("/checkout-backend-api/v1/request")]
    Task<WaftpayCheckoutResponse> CreateCheckoutAsync([Body] WaftpayCheckoutRequest body, CancellationToken cancellationToken);

    /// <summary>Transaction status query (TSQ), with the token of the product queried (Collections).</summary>
    [Post("/payments-tsq-service/v1/query/payments")]
    Task<WaftpayQueryResponse> QueryPaymentAsync([Body] WaftpayQueryRequest body, CancellationToken cancellationToken);
}
