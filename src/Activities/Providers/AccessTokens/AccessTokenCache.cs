namespace CheckoutOrchestrator.Providers.AccessTokens;

/// <summary>
/// Holds one provider's access token and renews it before it expires. However many calls need a
/// token at once, only one of them asks the provider for a new one.
/// </summary>
public sealed class AccessTokenCache : IDisposable
{
    private readonly SemaphoreSlim renewal = new(1, 1);
    private readonly TimeProvider time;
    private readonly TimeSpan renewalMargin;
    private CachedToken? current;

    public AccessTokenCache(TimeProvider time, TimeSpan renewalMargin)
    {
        this.time = time;
        this.renewalMargin = renewalMargin;
    }

    public async Task<string> GetAsync(IAccessTokenSource source, CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref current)) is { } cached)
        {
            return cached;
        }

        await renewal.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(current) is { } renewedMeanwhile)
            {
                return renewedMeanwhile;
            }

            var token = await source.FetchAsync(cancellationToken);
            var now = time.GetUtcNow();
            var lifetime = token.ExpiresAt - now;
            var margin = renewalMargin < lifetime / 2 ? renewalMargin : lifetime / 2;
            Volatile.Write(ref current, new CachedToken(token.Value, token.ExpiresAt - margin));
            return token.Value;
        }
        finally
        {
            renewal.Release();
        }
    }

    /// <summary>Forgets a token the provider refused, unless another call already replaced it.</summary>
    public void Invalidate(string refusedToken)
    {
        var cached = Volatile.Read(ref current);
        if (cached?.Value == refusedToken)
        {
            Interlocked.CompareExchange(ref current, null, cached);
        }
    }

    public void Dispose() => renewal.Dispose();

    private string? Fresh(CachedToken? token) =>
        token is not null && time.GetUtcNow() < token.RenewAt ? token.Value : null;

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);
}
