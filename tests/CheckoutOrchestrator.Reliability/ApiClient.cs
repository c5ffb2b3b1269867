using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CheckoutOrchestrator.Client;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// The merchant's backend calling the API through the merchant client library: it retries while the
/// API is unreachable (restarting) or answers 503, as a merchant would, and keeps every status code
/// the API answered.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    // The checkout as the API writes it, nulls included, for the verdicts that read it.
    private static readonly JsonSerializerOptions AsTheApiWrites = new(CheckoutClient.Json) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };
    private readonly HttpClient http;

    public ApiClient(Uri apiUrl, string apiKey)
    {
        http = new HttpClient(new AnswerRecorder(Answers) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };
        Checkouts = CheckoutClient.Create(http, apiKey);
    }

    public ConcurrentBag<(string Route, int Status)> Answers { get; } = [];

    public CheckoutClient Checkouts { get; }

    /// <summary>The call's checkout as JSON (what the verdicts read), or null when the API refused it.</summary>
    public async Task<JsonElement?> CallAsync(Func<CheckoutClient, Task<Checkout>> call)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                return JsonSerializer.SerializeToElement(await call(Checkouts), AsTheApiWrites);
            }
            catch (CheckoutProviderException ex) when (ex.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
            {
                // The API cannot reach Temporal now: try again.
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && DateTime.UtcNow < deadline)
            {
                // The API is restarting: try again.
            }
            catch (CheckoutApiException)
            {
                return null;
            }

            await Task.Delay(500);
        }
    }

    public void Dispose() => http.Dispose();

    private sealed class AnswerRecorder(ConcurrentBag<(string Route, int Status)> answers) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            answers.Add(($"{request.Method} {request.RequestUri?.AbsolutePath}", (int)response.StatusCode));
            return response;
        }
    }
}
