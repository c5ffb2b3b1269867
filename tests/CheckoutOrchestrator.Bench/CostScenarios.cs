using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.ServiceDefaults.Tracing;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Testing;

namespace CheckoutOrchestrator.Bench;

/// <summary>
/// The five checkout lives whose Temporal cost a buyer asks about, run through the real API, worker
/// and simulators on Temporal's time-skipping test server, so 30 minutes and a day's watch pass in
/// moments. Each one's cost is read from its recorded histories.
/// </summary>
public sealed class CostScenarios : IAsyncDisposable
{
    private readonly WorkflowEnvironment env;
    private readonly DevRun run;
    private readonly HttpClient http;
    private readonly CheckoutClient api;
    private readonly HttpClient simulators;

    private CostScenarios(WorkflowEnvironment env, DevRun run)
    {
        this.env = env;
        this.run = run;
        http = new HttpClient { BaseAddress = run.ApiUrl };
        api = CheckoutClient.Create(http, DevMerchant.Shop.ApiKey);
        simulators = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = run.SimulatorUrl };
    }

    public string Server => env.Client.Connection.Options.TargetHost ?? "unknown";

    // The checkouts' namespace, as the API and worker see it.
    private ITemporalClient Client => run.ApiServices.GetRequiredService<ITemporalClient>();

    public static async Task<CostScenarios> StartAsync()
    {
        var path = Environment.GetEnvironmentVariable("TEMPORAL_TEST_SERVER_PATH");
        var env = await WorkflowEnvironment.StartTimeSkippingAsync(new() { TestServer = new() { ExistingPath = path is { Length: > 0 } ? path : null, StartupTimeout = DevHost.DevRun.ServerStartupTimeout } });
        var settings = DevSettings.Load(DevSettings.Find(AppContext.BaseDirectory));
        settings.Api.Port = 0;
        settings.Simulators.Port = 0;
        await CheckoutSearchAttributeRegistration.RegisterAsync(env.Client, settings.Temporal.Namespace);

        var run = await DevRun.StartAsync(new DevRunOptions(settings)
        {
            ExistingTemporalAddress = env.Client.Connection.Options.TargetHost,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        });
        return new CostScenarios(env, run);
    }

    /// <param name="full">Also every provider's expiry and cancel, the failed and failed-over paths, a retried lookup and the merchants' reads.</param>
    public async Task<IReadOnlyList<ScenarioCost>> RunAllAsync(bool full)
    {
        List<ScenarioCost> costs =
        [
            await WebhookSuccessAsync(PaymentProvider.Chpter, "one callback, proof on its own through its per-checkout URL token"),
            await WebhookSuccessAsync(PaymentProvider.LakiPay, "two signed callbacks, PENDING then SUCCESS"),
            await WebhookSuccessAsync(PaymentProvider.Kiotapay, "two unsigned callbacks, the final one confirmed by a lookup"),
            await PollFoundSuccessAsync(),
            await ExpiryAsync(),
            await LatePaymentAsync(),
            await CancelAsync(),
        ];
        if (full)
        {
            costs.Add(await WebhookSuccessAsync(PaymentProvider.Waftpay, "two callbacks whose hash proves nothing, the final one confirmed by a lookup"));
            costs.Add(await WebhookSuccessAsync(PaymentProvider.Adullam, "account-level webhooks, read as hints: the completed one buys a lookup"));
            costs.Add(await FailedAsync());
            costs.Add(await FailedOverAsync());
            costs.Add(await RetriedLookupAsync());
            costs.Add(await LongPollingMerchantAsync());
            costs.Add(await PollingMerchantAsync(costs.Single(c => c.Scenario.StartsWith("expiry", StringComparison.Ordinal))));
            foreach (var provider in Enum.GetValues<PaymentProvider>().Where(p => p != PaymentProvider.Kiotapay))
            {
                costs.Add(await ExpiryAsync(provider));
                costs.Add(await CancelAsync(provider));
            }
        }

        return costs;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        simulators.Dispose();
        await run.DisposeAsync();
        await env.ShutdownAsync();
    }

    /// <summary>Queries the in-process API sent (each a billed action), from its client spans.</summary>
    private static int QueriesSent(SpanRecorder spans) => spans.Count(CheckoutTracing.SourceName, "QueryWorkflow:");

    private static string Named(PaymentProvider provider) => provider == PaymentProvider.Kiotapay ? string.Empty : $" ({provider})";

    /// <summary>Waits in real time, at most 30 s, for something the simulators or the API do on their own.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private async Task<ScenarioCost> WebhookSuccessAsync(PaymentProvider provider, string callbacks)
    {
        var (id, page) = await OpenAsync(provider);
        await Task.Delay(TimeSpan.FromSeconds(10));
        await ChooseAsync(page, "pay");

        // Virtual time stays still until the callbacks have landed, or the first poll would beat them.
        await WaitForAsync(id, "succeeded");

        return await CostAsync($"webhook success after 10 s ({provider}: {callbacks})", id, TimeSpan.FromSeconds(10));
    }

    private Task<ScenarioCost> PollFoundSuccessAsync() =>
        WithKiotapayFaultsAsync(new { dropCallbacks = true }, async () =>
        {
            // Paid at once and found by the first poll: letting virtual time run to minute 10 first is
            // not possible on the offline stand-in, whose clock jumps to the next timer (the deadline).
            var (id, page) = await OpenAsync();
            await ChooseAsync(page, "pay");
            return await CostAsync("success found only by polling (callbacks lost, first poll at 15 min)", id, PollPlan.Standard.Intervals[0]);
        });

    private async Task<ScenarioCost> ExpiryAsync(PaymentProvider provider = PaymentProvider.Kiotapay)
    {
        var (id, _) = await OpenAsync(provider);
        return await CostAsync($"expiry after 30 min, nobody pays (with the late-payment watch){Named(provider)}", id, null);
    }

    private async Task<ScenarioCost> FailedAsync()
    {
        var (id, page) = await OpenAsync();
        await ChooseAsync(page, "fail");

        // The failure stays open for another attempt, so nothing shows it: the run goes on once its callback is in.
        await WaitUntilAsync(async () => (await Client.GetWorkflowHandle(id).FetchHistoryAsync()).Events.Any(e => e.WorkflowExecutionSignaledEventAttributes is not null));

        return await CostAsync("the customer's payment fails (Kiotapay, callbacks)", id, null);
    }

    private Task<ScenarioCost> FailedOverAsync() =>
        WithKiotapayFaultsAsync(new { failNext = 1_000_000, failStatus = 503, pathContains = "checkout" }, async () =>
        {
            var opened = await api.CreateAsync(CheckoutBodies.Request(PaymentProvider.Kiotapay, $"bench-{Guid.NewGuid():N}"[..30], 1800) with { Provider = null, AllowedMethods = ["mpesa"] });
            await ChooseAsync(opened.CheckoutUrl!, "pay");
            await WaitForAsync(opened.CheckoutId, "succeeded");
            return await CostAsync($"routed, Kiotapay answers 503, paid at {opened.Provider} (webhook)", opened.CheckoutId, TimeSpan.FromSeconds(10));
        });

    // Kiotapay's final callback is unsigned, so a lookup confirms it; that lookup answers 500 twice
    // first. Virtual time stands still meanwhile, so Temporal's retries run as they would in production.
    private Task<ScenarioCost> RetriedLookupAsync() =>
        WithKiotapayFaultsAsync(new { failNext = 2, failStatus = 500, method = "GET" }, async () =>
        {
            var (id, page) = await OpenAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            await ChooseAsync(page, "pay");
            await WaitForAsync(id, "succeeded");
            return await CostAsync("webhook success (Kiotapay), its confirming lookup answered 500 twice first", id, TimeSpan.FromSeconds(10));
        });

    private async Task<ScenarioCost> WithKiotapayFaultsAsync(object faults, Func<Task<ScenarioCost>> scenario)
    {
        await simulators.PutAsJsonAsync("/simulator/kiotapay/faults", faults);
        try
        {
            return await scenario();
        }
        finally
        {
            await simulators.DeleteAsync(new Uri("/simulator/kiotapay/faults", UriKind.Relative));
        }
    }

    /// <summary>As the docs advise: open, then long-poll until final. Each read the API answers with a query would be an action.</summary>
    private async Task<ScenarioCost> LongPollingMerchantAsync()
    {
        using var spans = new SpanRecorder();
        var (id, page) = await OpenAsync(PaymentProvider.Chpter);
        var reads = 1;
        var following = Task.Run(async () =>
        {
            while (!(await api.GetAsync(id, TimeSpan.FromSeconds(25))).IsFinal)
            {
                Interlocked.Increment(ref reads);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        await ChooseAsync(page, "pay");
        await following;
        var cost = await CostAsync($"webhook success (Chpter), the merchant long-polls to the end: {reads} reads", id, TimeSpan.FromSeconds(10));
        var queries = QueriesSent(spans);
        return cost with { Queries = queries, Actions = cost.Actions + queries };
    }

    /// <summary>
    /// A merchant reading every 2 s: 900 reads over a 30-minute checkout. Virtual time cannot be held
    /// for 30 real minutes, so 30 reads of an open checkout are measured and the rest scaled.
    /// </summary>
    private async Task<ScenarioCost> PollingMerchantAsync(ScenarioCost expiry)
    {
        const int Sampled = 30;
        const int ReadsIn30Minutes = 900;
        using var spans = new SpanRecorder();
        var (id, _) = await OpenAsync();
        for (var i = 0; i < Sampled; i++)
        {
            await api.GetAsync(id);
        }

        var measured = QueriesSent(spans);
        await api.CancelAsync(id);
        var perRead = (double)measured / Sampled;
        return expiry with
        {
            Scenario = $"expiry after 30 min, the merchant reads every 2 s: 900 reads ({measured} queries in {Sampled} reads measured)",
            Queries = (int)Math.Round(perRead * ReadsIn30Minutes),
            Actions = expiry.Actions + (int)Math.Round(perRead * ReadsIn30Minutes),
        };
    }

    private Task WaitForAsync(string id, string status) => WaitUntilAsync(async () => await StatusAsync(id) == status);

    private async Task<ScenarioCost> LatePaymentAsync()
    {
        // Chpter keeps its sessions payable after our deadline (Kiotapay's is cancelled at it). The
        // merchant's endpoint holds the expired event, which stops virtual time right after the expiry.
        await simulators.PutAsJsonAsync("/simulator/merchant/inbox/faults", new { holdTypes = new[] { "checkout.expired" } });
        var (id, page) = await OpenAsync(PaymentProvider.Chpter);
        await LetTimeRunUntilAsync(async () => (await simulators.GetStringAsync(new Uri("/simulator/merchant/inbox/held", UriKind.Relative))).Contains(id, StringComparison.Ordinal));
        await ChooseAsync(page, "pay");
        await WaitUntilAsync(async () => (await api.GetAsync(id)).LatePayment is not null);

        await simulators.DeleteAsync(new Uri("/simulator/merchant/inbox/faults", UriKind.Relative));
        return await CostAsync("late payment after the expiry (Chpter)", id, null);
    }

    private async Task<ScenarioCost> CancelAsync(PaymentProvider provider = PaymentProvider.Kiotapay)
    {
        var (id, _) = await OpenAsync(provider);
        await api.CancelAsync(id);
        return await CostAsync($"merchant cancels (with the late-payment watch){Named(provider)}", id, null);
    }

    private async Task<(string Id, Uri Page)> OpenAsync(PaymentProvider provider = PaymentProvider.Kiotapay)
    {
        var opened = await api.CreateAsync(CheckoutBodies.Request(provider, $"bench-{Guid.NewGuid():N}"[..30], 1800));

        // Adullam has no page: the customer approves on the phone, which its simulator serves as one.
        return (opened.CheckoutId, opened.CheckoutUrl ?? new Uri(run.SimulatorUrl, $"adullam/phone/{opened.ProviderSessionId}"));
    }

    private async Task ChooseAsync(Uri page, string choice)
    {
        using var form = new FormUrlEncodedContent([]);
        using var response = await simulators.PostAsync(new Uri($"{page.AbsoluteUri}/{choice}"), form);
    }

    private async Task<string?> StatusAsync(string id) => (await api.GetAsync(id)).Status;

    private async Task<bool> ClosedAsync(string id)
    {
        foreach (var workflowId in new[] { id, CheckoutReconciliationWorkflow.IdFor(id) })
        {
            try
            {
                if ((await Client.GetWorkflowHandle(workflowId).DescribeAsync()).Status == WorkflowExecutionStatus.Running)
                {
                    return false;
                }
            }
            catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
            {
                // No reconciliation was needed.
            }
        }

        return true;
    }

    private Task LetTimeRunUntilAsync(Func<Task<bool>> condition) => VirtualTime.RunUntilAsync(env, condition, TimeSpan.FromMinutes(2));

    private async Task<ScenarioCost> CostAsync(string scenario, string id, TimeSpan? paidAfter)
    {
        await LetTimeRunUntilAsync(() => ClosedAsync(id));
        var events = new List<HistoryEvent>();
        foreach (var workflowId in new[] { id, CheckoutReconciliationWorkflow.IdFor(id) })
        {
            try
            {
                events.AddRange((await Client.GetWorkflowHandle(workflowId).FetchHistoryAsync()).Events);
            }
            catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
            {
                // No reconciliation was needed.
            }
        }

        var expiry = TimeSpan.FromMinutes(30);
        return new ScenarioCost(
            scenario,
            BillableActions.Of(events),
            BillableActions.Breakdown(events),
            events.Count,
            BillableActions.Lookups(events),
            NaivePolling.Actions(paidAfter, expiry),
            NaivePolling.Events(paidAfter, expiry),
            await StatusAsync(id) ?? "unknown",
            0);
    }
}

/// <summary>A checkout's cost: billed actions (history actions plus the API's queries), history events, provider lookups (every attempt).</summary>
public sealed record ScenarioCost(string Scenario, int Actions, string Breakdown, int HistoryEvents, int Lookups, int NaiveActions, int NaiveEvents, string EndedAs, int Queries);
