using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Simulators;

namespace CheckoutOrchestrator.DevHost;

/// <summary>
/// Adullam sends callbacks to webhooks registered once per account, not per checkout. In
/// production an operator registers ours; the dev run registers it with the simulator.
/// </summary>
public static class AdullamWebhookSetup
{
    private static readonly string[] PaymentEvents = ["payment.processing", "payment.completed", "payment.failed"];

    public static async Task RegisterAsync(Uri simulator, Uri webhookUrl, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = simulator };
        using var tokenResponse = await http.PostAsJsonAsync(
            "adullam/v1/auth/token",
            new { phone = SimulatorCredentials.AdullamPhone, password = SimulatorCredentials.AdullamPassword },
            cancellationToken);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();

        using var register = new HttpRequestMessage(HttpMethod.Post, new Uri("adullam/v1/webhooks", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                url = webhookUrl,
                events = PaymentEvents,
                description = "CheckoutOrchestrator dev run",
            }),
        };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var registered = await http.SendAsync(register, cancellationToken);
        registered.EnsureSuccessStatusCode();
    }
}
