using Refit;

namespace CheckoutOrchestrator.Providers.LakiPay;

public interface ILakiPayApi
{
    [Post("/api/v2/payment/checkout")]
    Task<LakiPayEnvelope<LakiPayCheckoutData>> CreateCheckoutAsync([Body] LakiPayCheckoutRequest body, CancellationToken cancellationToken);

    /// <summary>The path comes from LakiPay's official SDKs; the docs only say "retrieve transaction status".</summary>
    [Get("/api/v2/payment/transaction/{transactionId}")]
    Task<LakiPayEnvelope<LakiPayTransaction>> GetTransactionAsync(string transactionId, CancellationToken cancellationToken);
}
