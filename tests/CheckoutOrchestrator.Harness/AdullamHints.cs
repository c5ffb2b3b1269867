using System.Text;

namespace CheckoutOrchestrator.Harness;

/// <summary>An outsider's hints: token-less Adullam <c>payment.completed</c> webhooks naming session ids (they are on the payer's page).</summary>
public static class AdullamHints
{
    /// <summary>Sends 20 a second to <paramref name="api"/>'s <c>/webhooks/adullam</c> until stopped; how many were sent.</summary>
    public static async Task<int> SendUntilAsync(HttpClient api, CancellationToken stop)
    {
        var sent = 0;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var body = new StringContent($$$"""{"id":"evt_h{{{i}}}","type":"payment.completed","data":{"id":"cs_ci_{{{i % 30}}}","status":"completed"}}""", Encoding.UTF8, "application/json");
            using var hint = await api.PostAsync(new Uri("/webhooks/adullam", UriKind.Relative), body, CancellationToken.None);
            sent++;
            await Task.Delay(50, CancellationToken.None);
        }

        return sent;
    }
}
