using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.DevHost;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// The operator's part of the run, as docs/operations.md tells it: take the run's merchant's review
/// queue, resolve every open note (what the provider's dashboard, here the simulator, says decides the
/// outcome), and go on until the queue is empty. A resolution may open a note of its own (money an
/// operator confirmed asks for fulfilment), so the queue is taken again until nothing is left.
/// </summary>
internal static class ReviewRound
{
    private const int Rounds = 6;

    /// <param name="paidAtProvider">Whether the provider holds money for a checkout: the dashboard an operator reads.</param>
    public static async Task<ReviewRoundReport> RunAsync(Uri apiUrl, string merchantId, Func<string, bool> paidAtProvider)
    {
        using var operatorApi = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };
        operatorApi.DefaultRequestHeaders.Authorization = new("Bearer", DevRun.DevOperatorToken);
        var resolved = 0;
        var refused = new List<string>();
        var left = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var queue = await QueueAsync(operatorApi, merchantId);
            left = queue.Count;
            if (left == 0)
            {
                break;
            }

            foreach (var (checkoutId, reasons) in queue)
            {
                foreach (var reason in reasons)
                {
                    var outcome = reason == "late_payment" ? "fulfilled" : paidAtProvider(checkoutId) ? "confirmed_paid" : "confirmed_unpaid";
                    using var answer = await operatorApi.PostAsJsonAsync(
                        $"/operator/checkouts/{checkoutId}/reviews/{reason}/resolve", new { outcome, note = $"reliability run: the simulator's dashboard says {outcome}" });

                    // A 409 is a note resolved in an earlier round whose listing had not caught up yet.
                    if (answer.IsSuccessStatusCode)
                    {
                        resolved++;
                    }
                    else if ((int)answer.StatusCode != 409)
                    {
                        refused.Add($"{checkoutId} {reason}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                    }
                }
            }

            // Visibility follows the histories within a moment.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return new ReviewRoundReport(resolved, left, refused);
    }

    private static async Task<List<(string CheckoutId, List<string> Reasons)>> QueueAsync(HttpClient operatorApi, string merchantId)
    {
        var items = new List<(string, List<string>)>();
        string? token = null;
        do
        {
            var page = await operatorApi.GetFromJsonAsync<JsonElement>(
                $"/operator/checkouts?needsReview=true&merchant={merchantId}&pageSize=100{(token is null ? string.Empty : $"&pageToken={token}")}");
            items.AddRange(page.GetProperty("checkouts").EnumerateArray().Select(c => (
                c.GetProperty("checkoutId").GetString()!,
                c.GetProperty("openReasons").EnumerateArray().Select(r => r.GetString()!).ToList())));
            token = page.GetProperty("nextPageToken").GetString();
        }
        while (token is not null);
        return items;
    }
}

/// <summary>How many notes the operator resolved, how many checkouts the queue still held at the end, and any resolution refused.</summary>
public sealed record ReviewRoundReport(int Resolved, int LeftOnQueue, List<string> Refused);
