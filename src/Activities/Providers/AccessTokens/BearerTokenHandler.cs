using System.Net;
using System.Net.Http.Headers;

namespace CheckoutOrchestrator.Providers.AccessTokens;

/// <summary>
/// Puts the provider's bearer token on every request. On a 401 it renews the token once and
/// sends the request again; a second 401 is the provider's answer.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly AccessTokenCache cache;
    private readonly IAccessTokenSource source;

    public BearerTokenHandler(AccessTokenCache cache, IAccessTokenSource source)
    {
        this.cache = cache;
        this.source = source;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var token = await cache.GetAsync(source, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        cache.Invalidate(token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await cache.GetAsync(source, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
