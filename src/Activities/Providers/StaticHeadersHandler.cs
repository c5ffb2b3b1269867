namespace CheckoutOrchestrator.Providers;

/// <summary>Adds fixed credentials headers (LakiPay's X-API-Key, Chpter's Token and domain) to every request.</summary>
public sealed class StaticHeadersHandler : DelegatingHandler
{
    private readonly IReadOnlyDictionary<string, string> headers;

    public StaticHeadersHandler(IReadOnlyDictionary<string, string> headers)
    {
        this.headers = headers;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
