using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Simulators.Infrastructure;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// One KES provider (Kiotapay, the first choice for M-Pesa) answers every create with 503 for the
/// whole window. Checkouts that name no provider must still open elsewhere and be paid; checkouts
/// that name Kiotapay must fail plainly, never half-open. Time to URL is measured with and without
/// the outage, as a merchant waits for it.
/// </summary>
public sealed class FailoverRun(SeparateHosts stack, HttpClient simulator, int checkouts)
{
    public async Task<FailoverReport> RunAsync()
    {
        using var http = new HttpClient { BaseAddress = stack.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };
        var client = CheckoutClient.Create(http, ChaosSettings.Merchant.ApiKey);
        using var customer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        await OpenAllAsync(client, customer, 5, "warm-up");
        var before = await OpenAllAsync(client, customer, checkouts / 2, "up");
        (await simulator.PutAsJsonAsync("/simulator/kiotapay/faults", new FaultSettings { FailNext = 1_000_000, FailStatus = 503, PathContains = "checkout" })).EnsureSuccessStatusCode();
        var kiotapaySessions = await SessionsAsync("kiotapay");
        var during = await OpenAllAsync(client, customer, checkouts, "down");
        var named = await NamedAsync(client, 5);
        var sessionsOpenedWhileDown = await SessionsAsync("kiotapay") - kiotapaySessions;
        (await simulator.DeleteAsync(new Uri("/simulator/kiotapay/faults", UriKind.Relative))).EnsureSuccessStatusCode();

        return new FailoverReport(before, during, named, sessionsOpenedWhileDown);
    }

    private static CreateCheckoutRequest Routed(string reference) =>
        CheckoutBodies.Request(PaymentProvider.Kiotapay, reference, 600) with { Provider = null, AllowedMethods = ["mpesa"] };

    private static async Task<(string Provider, bool FailedOver, bool Skipped, double Ms, string Final)> OneAsync(CheckoutClient client, HttpClient customer, string reference)
    {
        var clock = Stopwatch.StartNew();
        var opened = await client.CreateAsync(Routed(reference));
        var ms = clock.Elapsed.TotalMilliseconds;
        using (var form = new FormUrlEncodedContent([]))
        using (await customer.PostAsync(new Uri($"{opened.CheckoutUrl!.AbsoluteUri}/pay"), form))
        {
        }

        var final = await client.GetAsync(opened.CheckoutId, TimeSpan.FromSeconds(60));
        var skipped = opened.Routing?.PassedOver.Any(p => p.Contains("skipped", StringComparison.Ordinal)) == true;
        return (opened.Provider, opened.Routing?.FailedOver == true, skipped, ms, final.Status);
    }

    private static async Task<FailoverPhase> OpenAllAsync(CheckoutClient client, HttpClient customer, int count, string phase)
    {
        var results = new ConcurrentBag<(string Provider, bool FailedOver, bool Skipped, double Ms, string Final)>();
        var run = Guid.NewGuid().ToString("N")[..8];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 5 }, async (i, _) =>
            results.Add(await OneAsync(client, customer, $"fo-{phase}-{run}-{i:D4}")));
        return new FailoverPhase(
            count,
            results.Count(r => r.Final == CheckoutStatuses.Succeeded),
            results.Count(r => r.FailedOver),
            results.Count(r => r.Skipped),
            results.GroupBy(r => r.Provider).ToDictionary(g => g.Key, g => g.Count()),
            Percentiles.Of([.. results.Select(r => r.Ms)]));
    }

    /// <summary>Checkouts naming Kiotapay while it is down: none may come back with a URL at another provider, or a URL at all.</summary>
    private static async Task<int> NamedAsync(CheckoutClient client, int count)
    {
        var withoutUrl = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), async (_, token) =>
        {
            try
            {
                var opened = await client.CreateAsync(CheckoutBodies.Request(PaymentProvider.Kiotapay, $"fo-named-{Guid.NewGuid():N}"[..30], 600), token);
                if (opened.CheckoutUrl is null && opened.Provider == "kiotapay")
                {
                    Interlocked.Increment(ref withoutUrl);
                }
            }
            catch (CheckoutProviderException)
            {
                Interlocked.Increment(ref withoutUrl);
            }
        });
        return withoutUrl;
    }

    private async Task<int> SessionsAsync(string provider) =>
        (await simulator.GetFromJsonAsync<JsonElement>($"/simulator/{provider}/stats")).GetProperty("sessions").GetInt32();
}

/// <summary>Routed checkouts in one phase: how many were paid, failed over, skipped a provider by its health, where they opened, and how long the URL took.</summary>
public sealed record FailoverPhase(int Checkouts, int Succeeded, int FailedOver, int SkippedByHealth, Dictionary<string, int> OpenedAt, Percentiles TimeToUrlMs);

/// <summary>The failover scenario's figures and verdict.</summary>
public sealed record FailoverReport(FailoverPhase Up, FailoverPhase KiotapayDown, int NamedKiotapayRefusedPlainly, int KiotapaySessionsWhileDown)
{
    public bool Passed => Up.Succeeded == Up.Checkouts && KiotapayDown.Succeeded == KiotapayDown.Checkouts
        && KiotapayDown.OpenedAt.GetValueOrDefault("kiotapay") == 0 && KiotapaySessionsWhileDown == 0 && NamedKiotapayRefusedPlainly == 5;

    public string ToTable() => new StringBuilder()
        .AppendLine("| Routed KES M-Pesa checkouts (no provider named) | Kiotapay up | Kiotapay answering 503 to every create |")
        .AppendLine("|---|---|---|")
        .AppendLine(CultureInfo.InvariantCulture, $"| paid and succeeded | {Up.Succeeded} of {Up.Checkouts} | {KiotapayDown.Succeeded} of {KiotapayDown.Checkouts} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| opened at | {Where(Up)} | {Where(KiotapayDown)} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| failed over | {Up.FailedOver} | {KiotapayDown.FailedOver} ({100.0 * KiotapayDown.FailedOver / Math.Max(1, KiotapayDown.Checkouts):F0} %) |")
        .AppendLine(CultureInfo.InvariantCulture, $"| of those, Kiotapay skipped without a request (health) | {Up.SkippedByHealth} | {KiotapayDown.SkippedByHealth} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| time to URL p50 / p99 | {Up.TimeToUrlMs.P50:F0} / {Up.TimeToUrlMs.P99:F0} ms | {KiotapayDown.TimeToUrlMs.P50:F0} / {KiotapayDown.TimeToUrlMs.P99:F0} ms |")
        .AppendLine(CultureInfo.InvariantCulture, $"Checkouts naming Kiotapay while it was down, answered without a URL (202 still trying, or 502/503; never moved elsewhere): {NamedKiotapayRefusedPlainly} of 5; Kiotapay sessions opened while down: {KiotapaySessionsWhileDown}.")
        .AppendLine(Passed ? "PASSED" : "FAILED")
        .ToString();

    private static string Where(FailoverPhase phase) => string.Join(", ", phase.OpenedAt.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
}
