using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// The merchant's backend calling the API: it retries while the API is unreachable (restarting)
/// or answers 503, as a merchant would, and keeps every status code the API answered.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);
    private readonly HttpClient http;

    public ApiClient(Uri apiUrl, string apiKey)
    {
        http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public ConcurrentBag<(string Route, int Status)> Answers { get; } = [];

    public async Task<(int Status, string Body)> SendAsync(string route, Func<HttpRequestMessage> request)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                using var message = request();
                using var response = await http.SendAsync(message);
                var status = (int)response.StatusCode;
                Answers.Add((route, status));
                var body = await response.Content.ReadAsStringAsync();
                if (status != 503 || DateTime.UtcNow > deadline)
                {
                    return (status, body);
                }
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && DateTime.UtcNow < deadline)
            {
                // The API is restarting: try again.
            }

            await Task.Delay(500);
        }
    }

    public void Dispose() => http.Dispose();
}
