using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers.AccessTokens;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Waftpay;

public sealed class WaftpayTokenSource : IAccessTokenSource
{
    private static readonly ProviderCallContext Context = new(PaymentProvider.Waftpay, ProviderOperation.Authenticate);
    private readonly IWaftpayAuthApi api;
    private readonly IOptions<WaftpayOptions> options;
    private readonly TimeProvider time;

    public WaftpayTokenSource(IWaftpayAuthApi api, IOptions<WaftpayOptions> options, TimeProvider time)
    {
        this.api = api;
        this.options = options;
        this.time = time;
    }

    public async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var credentials = new WaftpayTokenRequest(options.Value.ConsumerKey!, options.Value.ConsumerSecret!);
        var response = await ProviderCall.RunAsync(Context, () => api.GenerateTokenAsync(credentials, cancellationToken), cancellationToken);
        if (response is not { Status: true, Token: { } token, ExpiresIn: { } expiresInMilliseconds })
        {
            throw ProviderFailures.Rejected(Context, 200, null, response.Message ?? "token refused");
        }

        return new AccessToken(token, time.GetUtcNow().AddMilliseconds(expiresInMilliseconds));
    }
}
