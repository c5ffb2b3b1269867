using System.Net.Http.Headers;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// Sends JSON bodies as exactly <c>Content-Type: application/json</c>: Kiotapay's document says the
/// header "must be application/json", and the charset parameter the serializer adds is not that.
/// </summary>
public sealed class JsonContentTypeHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content?.Headers.ContentType is { MediaType: "application/json", CharSet: not null })
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
