using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.Harness;

namespace CheckoutOrchestrator.Bench;

/// <summary>
/// Whole checkouts end to end for a while — open, the customer pays, the merchant long-polls the
/// final state — by many merchant clients at once; then every one must be final and its merchant told.
/// </summary>
public static class Throughput
{
    private static readonly PaymentProvider[] Providers = [PaymentProvider.Kiotapay, PaymentProvider.LakiPay, PaymentProvider.Waftpay, PaymentProvider.Chpter];

    /// <param name="alreadyOpen">Checkouts opened (and left unpaid, waiting on their timers) before the clock starts.</param>
    public static async Task<ThroughputFigures> MeasureAsync(int clients, TimeSpan duration, int alreadyOpen = 0)
    {
        await using var hosts = await SeparateHosts.StartAsync(Directory.CreateTempSubdirectory("bench-").FullName, BenchDevRun.Merchant);
        using var http = BenchDevRun.Api(hosts.ApiUrl);
        var api = CheckoutClient.Create(http, BenchDevRun.Merchant.ApiKey);
        using var customer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await Parallel.ForEachAsync(Enumerable.Range(0, alreadyOpen), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, token) =>
        {
            await api.CreateAsync(Request(Providers[i % Providers.Length]), token);
        });
        // Fresh processes compile as they go: one checkout per client first, so the window measures a warm system.
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (client, _) =>
            await CheckoutAsync(api, customer, Providers[client % Providers.Length]));
        var self = Process.GetCurrentProcess();
        var (apiBefore, workerBefore, selfBefore) = (hosts.Api.CpuTime, hosts.Worker.CpuTime, self.TotalProcessorTime);
        var completed = new ConcurrentBag<(string Id, double Seconds)>();
        var failed = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (client, _) =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var started = clock.Elapsed;
                var (id, final) = await CheckoutAsync(api, customer, Providers[(client + i) % Providers.Length]);
                if (final == "succeeded")
                {
                    completed.Add((id, (clock.Elapsed - started).TotalSeconds));
                }
                else
                {
                    failed.Add($"{id}: {final}");
                }
            }
        });
        var elapsed = clock.Elapsed;
        var perCheckout = 1000.0 / Math.Max(1, completed.Count);
        var cpuMs = new HostCpu(
            (hosts.Api.CpuTime - apiBefore).TotalSeconds * perCheckout,
            (hosts.Worker.CpuTime - workerBefore).TotalSeconds * perCheckout,
            (self.TotalProcessorTime - selfBefore).TotalSeconds * perCheckout);

        using var simulators = new HttpClient { BaseAddress = hosts.SimulatorUrl };
        var told = await ToldAsync(simulators, completed.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        return new ThroughputFigures(
            alreadyOpen,
            clients,
            elapsed.TotalSeconds,
            completed.Count,
            completed.Count / elapsed.TotalSeconds,
            cpuMs,
            hosts.Api.PeakWorkingSetMiB,
            hosts.Worker.PeakWorkingSetMiB,
            Percentiles.Of([.. completed.Select(c => c.Seconds * 1000)]),
            failed.Count,
            completed.Count - told);
    }

    private static CreateCheckoutRequest Request(PaymentProvider provider) => CheckoutBodies.Request(provider, $"tp-{Guid.NewGuid():N}"[..28], 1800);

    private static async Task<(string Id, string Final)> CheckoutAsync(CheckoutClient api, HttpClient customer, PaymentProvider provider)
    {
        Checkout opened;
        try
        {
            opened = await api.CreateAsync(Request(provider));
        }
        catch (CheckoutApiException ex)
        {
            return ("none", $"open answered {(int)ex.StatusCode}");
        }

        if (opened.CheckoutUrl is not { } page)
        {
            return (opened.CheckoutId, "opened without a checkout URL");
        }

        using (var form = new FormUrlEncodedContent([]))
        using (await customer.PostAsync(new Uri($"{page.AbsoluteUri}/pay"), form))
        {
        }

        for (var wait = 0; wait < 4; wait++)
        {
            var current = await api.GetAsync(opened.CheckoutId, TimeSpan.FromSeconds(30));
            if (current.IsFinal)
            {
                return (opened.CheckoutId, current.Status);
            }
        }

        return (opened.CheckoutId, "stuck");
    }

    /// <summary>How many of the checkouts the merchant's endpoint heard about, allowing deliveries half a minute to land.</summary>
    private static async Task<int> ToldAsync(HttpClient simulators, HashSet<string> ids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var inbox = await simulators.GetFromJsonAsync<JsonElement>("/simulator/merchant/inbox");
            var told = inbox.EnumerateArray().Select(e => e.GetProperty("checkoutId").GetString()).Where(id => id is not null && ids.Contains(id)).Distinct().Count();
            if (told == ids.Count || DateTime.UtcNow > deadline)
            {
                return told;
            }

            await Task.Delay(500);
        }
    }
}

/// <summary>Whole checkouts a second, and what they cost the API and the worker, each its own process.</summary>
public sealed record ThroughputFigures(
    int AlreadyOpen,
    int Clients,
    double Seconds,
    int Completed,
    double CheckoutsPerSecond,
    HostCpu CpuMsPerCheckout,
    long ApiPeakMiB,
    long WorkerPeakMiB,
    Percentiles EndToEndMs,
    int NotSucceeded,
    int NotNotified);

/// <summary>CPU milliseconds per checkout: the API's, the worker's, and this process's (simulators and the load itself).</summary>
public sealed record HostCpu(double Api, double Worker, double SimulatorsAndLoad);
