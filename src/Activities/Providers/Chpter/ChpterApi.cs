using Refit;

namespace CheckoutOrchestrator.Providers.Chpter;

/// <summary>Chpter's legacy Payment Redirect API. It has no status endpoint.</summary>
public interface IChpterApi
{
    [Post("/checkout.sessions/hosted/redirect/session")]
    Task<ChpterSessionResponse> CreateSessionAsync([Body] ChpterSessionRequest body, CancellationToken cancellationToken);
}
