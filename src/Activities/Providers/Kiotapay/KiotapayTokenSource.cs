using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers.AccessTokens;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public sealed class KiotapayTokenSource : IAccessTokenSource
{
    private static readonly ProviderCallContext Context = new(PaymentProvider.Kiotapay, ProviderOperation.Authenticate);
    private readonly IKiotapayAuthApi api;
    private readonly IOptions<KiotapayOptions> options;
    private readonly TimeProvider time;

    public KiotapayTokenSource(IKiotapayAuthApi api, IOptions<KiotapayOptions> options, TimeProvider time)
    {
        this.api = api;
        this.options = options;
        this.time = time;
    }

    public async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var credentials = new KiotapayTokenRequest(options.Value.ApiKey!, options.Value.ApiSecret!);
        var response = await ProviderCall.RunAsync(Context, () => api.GetTokenAsync(credentials, cancellationToken), cancellationToken);
        var data = response.Data ?? throw ProviderFailures.InvalidResponse(Context, "token response has no data");
        return new AccessToken(data.AccessToken, time.GetUtcNow().AddSeconds(data.ExpiresIn));
    }
}
