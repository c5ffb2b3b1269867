using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Providers;
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

    public async Task<IReadOnlyList<ScenarioCost>> RunAllAsync() =>
    [
        await WebhookSuccessAsync(PaymentProvider.Chpter, "one callback, proof on its own through its per-checkout URL token"),
        await WebhookSuccessAsync(PaymentProvider.LakiPay, "two signed callbacks, PENDING then SUCCESS"),
        await WebhookSuccessAsync(PaymentProvider.Kiotapay, "two unsigned callbacks, the final one confirmed by a lookup"),
        await PollFoundSuccessAsync(),
        await ExpiryAsync(),
        await LatePaymentAsync(),
        await CancelAsync(),
    ];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        simulators.Dispose();
        await run.DisposeAsync();
        await env.ShutdownAsync();
    }

    private async Task<ScenarioCost> WebhookSuccessAsync(PaymentProvider provider, string callbacks)
    {
        var (id, page) = await OpenAsync(provider);
        await Task.Delay(TimeSpan.FromSeconds(10));
        await ChooseAsync(page, "pay");

        // Virtual time stays still until the callbacks have landed, or the first poll would beat them.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await StatusAsync(id) != "succeeded" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return await CostAsync($"webhook success after 10 s ({provider}: {callbacks})", id, TimeSpan.FromSeconds(10));
    }

    private async Task<ScenarioCost> PollFoundSuccessAsync()
    {
        await simulators.PutAsJsonAsync("/simulator/kiotapay/faults", new { dropCallbacks = true });
        try
        {
            // Paid at once and found by the first poll: letting virtual time run to minute 10 first is
            // not possible on the offline stand-in, whose clock jumps to the next timer (the deadline).
            var (id, page) = await OpenAsync();
            await ChooseAsync(page, "pay");
            return await CostAsync("success found only by polling (callbacks lost, first poll at 15 min)", id, PollPlan.Standard.Intervals[0]);
        }
        finally
        {
            await simulators.DeleteAsync(new Uri("/simulator/kiotapay/faults", UriKind.Relative));
        }
    }

    private async Task<ScenarioCost> ExpiryAsync()
    {
        var (id, _) = await OpenAsync();
        return await CostAsync("expiry after 30 min, nobody pays (with the late-payment watch)", id, null);
    }

    private async Task<ScenarioCost> LatePaymentAsync()
    {
        // Chpter keeps its sessions payable after our deadline (Kiotapay's is cancelled at it). The
        // merchant's endpoint holds the expired event, which stops virtual time right after the expiry.
        await simulators.PutAsJsonAsync("/simulator/merchant/inbox/faults", new { holdTypes = new[] { "checkout.expired" } });
        var (id, page) = await OpenAsync(PaymentProvider.Chpter);
        await LetTimeRunUntilAsync(async () => (await simulators.GetStringAsync(new Uri("/simulator/merchant/inbox/held", UriKind.Relative))).Contains(id, StringComparison.Ordinal));
        await ChooseAsync(page, "pay");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await api.GetAsync(id)).LatePayment is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await simulators.DeleteAsync(new Uri("/simulator/merchant/inbox/faults", UriKind.Relative));
        return await CostAsync("late payment after the expiry (Chpter)", id, null);
    }

    private async Task<ScenarioCost> CancelAsync()
    {
        var (id, _) = await OpenAsync();
        await api.CancelAsync(id);
        return await CostAsync("merchant cancels (with the late-payment watch)", id, null);
    }

    private async Task<(string Id, Uri Page)> OpenAsync(PaymentProvider provider = PaymentProvider.Kiotapay)
    {
        var opened = await api.CreateAsync(CheckoutBodies.Request(provider, $"bench-{Guid.NewGuid():N}"[..30], 1800));
        return (opened.CheckoutId, opened.CheckoutUrl!);
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
            await StatusAsync(id) ?? "unknown");
    }
}

public sealed record ScenarioCost(string Scenario, int Actions, string Breakdown, int HistoryEvents, int Lookups, int NaiveActions, int NaiveEvents, string EndedAs);
