using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Simulators.Infrastructure;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// The attacker's second round against separate processes: one merchant's burst and an outsider's
/// hints against another merchant's Adullam create; hints bought during a spell of 429s against the
/// routing; a provider's tokened callbacks repeated hundreds of times against one history; slow and
/// over-declared bodies against every door.
/// </summary>
public sealed class AttackRun(SeparateHosts stack, HttpClient simulator, string apiLog)
{
    /// <summary>Adullam's whole budget in this run (production: 0.25 a second), held by the server.</summary>
    public const double AdullamCallsPerSecond = 2;

    /// <summary>The dev server suggests continue-as-new here, so a flood reaches it in seconds.</summary>
    public const int SuggestContinueAsNewAt = 150;

    public static DevMerchant BurstShop { get; } = new("burst-shop", "cok_burst_shop_reliability_only_key_0004", "whsec_burst_shop_reliability_only_secret_04");

    public static SeparateHostsOptions Options { get; } = new([ChaosSettings.Merchant, BurstShop])
    {
        HostSettings = new Dictionary<string, string?> { ["Worker:ProviderCallsPerSecond:adullam"] = AdullamCallsPerSecond.ToString(CultureInfo.InvariantCulture) },
        TemporalArgs = ["--dynamic-config-value", $"limit.historyCount.suggestContinueAsNew={SuggestContinueAsNewAt}"],
    };

    public async Task<AttackReport> RunAsync()
    {
        using var merchantHttp = Http();
        var merchant = CheckoutClient.Create(merchantHttp, ChaosSettings.Merchant.ApiKey);
        var budget = await BudgetAsync(merchant);
        var routing = await RoutingAsync(merchant);
        var flood = await TokenedFloodAsync(merchant);
        var unmatched = await UnmatchedFloodAsync(merchant);
        var doors = await SlowBodiesAsync();
        var stackTraces = (await File.ReadAllLinesAsync(apiLog)).Count(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        return new AttackReport(budget, routing, flood, unmatched, doors with { StackTraceLines = stackTraces });
    }

    /// <summary>Burst 30 Adullam creates as one merchant, 20 hints a second as an outsider; how long does the other merchant wait for its prompt?</summary>
    private async Task<BudgetFigures> BudgetAsync(CheckoutClient merchant)
    {
        using var burstHttp = Http();
        var burster = CheckoutClient.Create(burstHttp, BurstShop.ApiKey);
        var burst = Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            try
            {
                await burster.CreateAsync(CheckoutBodies.Request(PaymentProvider.Adullam, $"burst-{i}-{Guid.NewGuid():N}"[..30], 1800));
                return false;
            }
            catch (CheckoutApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return true;
            }
        }));
        await Task.Delay(500);
        using var stop = new CancellationTokenSource();
        var hints = OutsiderHintsAsync(stop.Token);
        var clock = Stopwatch.StartNew();
        var opened = await merchant.CreateAsync(CheckoutBodies.Request(PaymentProvider.Adullam, $"other-{Guid.NewGuid():N}"[..30], 1800));
        while (opened.Action is null && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(200);
            opened = await merchant.GetAsync(opened.CheckoutId);
        }

        var prompt = clock.Elapsed;
        await stop.CancelAsync();
        var sent = await hints;
        var refused = (await burst).Count(r => r);
        return new BudgetFigures(opened.Action is not null, prompt.TotalSeconds, refused, CallBudget.MerchantCreatesPerMinute(AdullamCallsPerSecond), sent);
    }

    /// <summary>Kiotapay's lookups answer 429 while an outsider's hints buy lookups; routed KES checkouts must still open at Kiotapay.</summary>
    private async Task<RoutingFigures> RoutingAsync(CheckoutClient merchant)
    {
        var open = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            open.Add((await merchant.CreateAsync(CheckoutBodies.Request(PaymentProvider.Kiotapay, $"spell-{i}-{Guid.NewGuid():N}"[..30], 1800))).CheckoutId);
        }

        (await simulator.PutAsJsonAsync("/simulator/kiotapay/faults", new FaultSettings { FailNext = 1_000_000, FailStatus = 429, RetryAfterSeconds = 1, Method = "GET" })).EnsureSuccessStatusCode();
        try
        {
            using var outsider = new HttpClient { BaseAddress = stack.ApiUrl };
            for (var i = 0; i < 12; i++)
            {
                using var body = new StringContent($$"""{"externalReference":"{{open[i % open.Count]}}","status":"SUCCEEDED"}""", Encoding.UTF8, "application/json");
                using var hint = await outsider.PostAsync(new Uri("/webhooks/kiotapay", UriKind.Relative), body);
            }

            // Long enough for the bought lookups to run and fail (and a create-learned health to notice, were it so taught).
            await Task.Delay(TimeSpan.FromSeconds(8));
            var at = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                var routed = await merchant.CreateAsync(CheckoutBodies.Request(PaymentProvider.Kiotapay, $"routed-{i}-{Guid.NewGuid():N}"[..30], 1800) with { Provider = null, AllowedMethods = ["mpesa"] });
                at.Add(routed.Provider);
            }

            return new RoutingFigures(12, at.Count, at.Count(p => p == "kiotapay"));
        }
        finally
        {
            (await simulator.DeleteAsync(new Uri("/simulator/kiotapay/faults", UriKind.Relative))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>LakiPay's signed callbacks, each repeated 300 times by the provider: one checkout's histories stay bounded, and it ends paid.</summary>
    private async Task<FloodFigures> TokenedFloodAsync(CheckoutClient merchant)
    {
        const int Repeats = 300;
        (await simulator.PutAsJsonAsync("/simulator/lakipay/faults", new FaultSettings { DuplicateCallbacks = Repeats })).EnsureSuccessStatusCode();
        try
        {
            var opened = await merchant.CreateAsync(CheckoutBodies.Request(PaymentProvider.LakiPay, $"flood-{Guid.NewGuid():N}"[..30], 1800));
            using var customer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using (var form = new FormUrlEncodedContent([]))
            using (await customer.PostAsync(new Uri($"{opened.CheckoutUrl!.AbsoluteUri}/pay"), form))
            {
            }

            var final = await merchant.GetAsync(opened.CheckoutId, TimeSpan.FromSeconds(60));
            var runs = 0;
            var longest = 0;
            await foreach (var run in stack.Temporal.ListWorkflowsAsync($"WorkflowId = '{opened.CheckoutId}'"))
            {
                runs++;
                longest = Math.Max(longest, (await stack.Temporal.GetWorkflowHandle(run.Id, run.RunId).FetchHistoryAsync()).Events.Count);
            }

            return new FloodFigures(2 * (Repeats + 1), final.Status, runs, longest);
        }
        finally
        {
            (await simulator.DeleteAsync(new Uri("/simulator/lakipay/faults", UriKind.Relative))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Token-less Adullam webhooks naming session ids nobody knows (each one a visibility search), 600
    /// from five senders at once, while a merchant's Adullam checkout is paid: Adullam's genuine
    /// webhooks are account-level and searched the same way, and must not wait behind the flood.
    /// </summary>
    private async Task<UnmatchedFigures> UnmatchedFloodAsync(CheckoutClient merchant)
    {
        const int Bodies = 600;
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var opened = await merchant.CreateAsync(CheckoutBodies.Request(PaymentProvider.Adullam, $"amid-{Guid.NewGuid():N}"[..30], 1800));
        while (opened.ProviderSessionId is null)
        {
            await Task.Delay(200);
            opened = await merchant.GetAsync(opened.CheckoutId);
        }

        using var outsider = new HttpClient { BaseAddress = stack.ApiUrl };
        var flood = Parallel.ForEachAsync(Enumerable.Range(0, Bodies), new ParallelOptions { MaxDegreeOfParallelism = 5 }, async (i, token) =>
        {
            using var body = new StringContent($$$"""{"id":"evt_u{{{i}}}","type":"payment.completed","data":{"id":"cs_{{{Guid.NewGuid():N}}}","status":"completed"}}""", Encoding.UTF8, "application/json");
            using var answer = await outsider.PostAsync(new Uri("/webhooks/adullam", UriKind.Relative), body, token);
            statuses.Add((int)answer.StatusCode);
        });
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();
        using (var form = new FormUrlEncodedContent([]))
        using (await simulator.PostAsync(new Uri($"adullam/phone/{opened.ProviderSessionId}/pay", UriKind.Relative), form))
        {
        }

        var final = await merchant.GetAsync(opened.CheckoutId, TimeSpan.FromSeconds(60));
        var paidAfter = clock.Elapsed;
        await flood;
        return new UnmatchedFigures(Bodies, statuses.Count(s => s >= 500), final.Status, paidAfter.TotalSeconds);
    }

    /// <summary>Bodies that declare more than they send, or more than any door takes, on every door: answered 4xx or cut, never 5xx.</summary>
    private async Task<DoorFigures> SlowBodiesAsync()
    {
        string[] doors = ["/webhooks/kiotapay", "/checkouts", "/codec/decode", "/operator/checkouts/x/reviews/late_payment/resolve"];
        var answers = new List<int>();
        foreach (var door in doors)
        {
            answers.Add(await RawAsync(door, declared: 100_000_000, send: 10, stallFor: TimeSpan.Zero));
            answers.Add(await RawAsync(door, declared: 2_000, send: 10, stallFor: TimeSpan.FromSeconds(12)));
        }

        return new DoorFigures(answers.Count, answers.Count(a => a >= 500), answers.Count(a => a == 0), string.Join(", ", answers.Distinct().Order()), 0);
    }

    /// <summary>A POST over a raw socket; the status the API answers, or 0 when it closes the connection without one.</summary>
    private async Task<int> RawAsync(string path, long declared, int send, TimeSpan stallFor)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(stack.ApiUrl.Host, stack.ApiUrl.Port);
        var stream = socket.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {stack.ApiUrl.Authority}\r\nContent-Type: application/json\r\nContent-Length: {declared}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string('{', send)));
        await Task.Delay(stallFor);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            var status = await reader.ReadLineAsync(timeout.Token);
            return status is { Length: >= 12 } ? int.Parse(status.AsSpan(9, 3), CultureInfo.InvariantCulture) : 0;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            return 0;
        }
    }

    private async Task<int> OutsiderHintsAsync(CancellationToken stop)
    {
        using var outsider = new HttpClient { BaseAddress = stack.ApiUrl };
        return await AdullamHints.SendUntilAsync(outsider, stop);
    }

    private HttpClient Http() => new() { BaseAddress = stack.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };
}
