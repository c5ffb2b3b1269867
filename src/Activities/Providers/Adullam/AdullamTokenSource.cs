using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers.AccessTokens;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Adullam;

public sealed class AdullamTokenSource : IAccessTokenSource
{
    private static readonly ProviderCallContext Context = new(PaymentProvider.Adullam, ProviderOperation.Authenticate);
    private readonly IAdullamAuthApi api;
    private readonly IOptions<AdullamOptions> options;
    private readonly TimeProvider time;

    public AdullamTokenSource(IAdullamAuthApi api, IOptions<AdullamOptions> options, TimeProvider time)
    {
        this.api = api;
        this.options = options;
        this.time = time;
    }

    public async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var credentials = new AdullamTokenRequest(options.Value.Phone!, options.Value.Password!);
        var response = await ProviderCall.RunAsync(Context, () => api.GetTokenAsync(credentials, cancellationToken), cancellationToken);
        if (response is not { AccessToken: { } token, ExpiresIn: { } expiresIn })
        {
            throw ProviderFailures.InvalidResponse(Context, "token response has no access_token");
        }

        return new AccessToken(token, time.GetUtcNow().AddSeconds(expiresIn));
    }
}
