using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Bench;

/// <summary>
/// How much later a merchant gets the checkout URL through the orchestrator than by calling the
/// provider itself: POST /checkouts to its 201, against the same Refit client's create call, with the
/// provider (simulator) answering in 100 ms; spans of the API path split the difference.
/// </summary>
public static class TimeToUrl
{
    public static async Task<TimeToUrlFigures> MeasureAsync(int requests, int concurrency)
    {
        await using var run = await BenchDevRun.StartAsync();
        using var simulators = new HttpClient { BaseAddress = run.SimulatorUrl };
        await simulators.PutAsJsonAsync("/simulator/kiotapay/faults", new { latencyMs = 100 });
        using var http = BenchDevRun.Api(run);
        var api = CheckoutOrchestrator.Client.CheckoutClient.Create(http, BenchDevRun.Merchant.ApiKey);
        var provider = run.WorkerServices.GetServices<IPaymentProviderClient>().Single(c => c.Provider == PaymentProvider.Kiotapay);

        using var spans = new SpanRecorder();
        await RepeatAsync(20, concurrency, _ => ThroughApiAsync(api));
        await RepeatAsync(20, concurrency, _ => DirectAsync(provider));
        spans.Clear();

        var viaApi = await RepeatAsync(requests, concurrency, _ => ThroughApiAsync(api));
        var direct = await RepeatAsync(requests, concurrency, _ => DirectAsync(provider));
        return new TimeToUrlFigures(
            requests,
            concurrency,
            Percentiles.Of(viaApi),
            Percentiles.Of(direct),
            spans.Median("Microsoft.AspNetCore", "POST /checkouts"),
            spans.Median("CheckoutOrchestrator.Temporal", "StartWorkflow:CheckoutWorkflow"),
            spans.Median("CheckoutOrchestrator.Temporal", "FollowOpening:CheckoutWorkflow"),
            spans.Median("CheckoutOrchestrator.Temporal", "RunActivity:CreateSession"),
            spans.Median("System.Net.Http", "POST", "/checkout-sessions"));
    }

    private static async Task<double> ThroughApiAsync(CheckoutOrchestrator.Client.CheckoutClient api)
    {
        var request = CheckoutBodies.Request(PaymentProvider.Kiotapay, $"url-{Guid.NewGuid():N}"[..28], 1800);
        var clock = Stopwatch.StartNew();
        var opened = await api.CreateAsync(request);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return opened.CheckoutUrl is not null ? elapsed : throw new InvalidOperationException($"POST /checkouts answered without a URL for {opened.CheckoutId}");
    }

    private static async Task<double> DirectAsync(IPaymentProviderClient provider)
    {
        var request = new CheckoutRequest(
            BenchDevRun.Merchant.Id,
            $"direct-{Guid.NewGuid():N}"[..28],
            PaymentProvider.Kiotapay,
            new Money(1500m, "KES"),
            "Bench order",
            new Customer("Jane Wanjiru", "+254712345678", "jane@example.com"),
            new RedirectUrls(new Uri("https://shop.example.com/ok"), new Uri("https://shop.example.com/failed")),
            [],
            1800);
        var clock = Stopwatch.StartNew();
        var checkoutId = CheckoutIds.Prefix + Guid.NewGuid().ToString("N");
        await provider.CreateSessionAsync(new CreateSessionCommand(checkoutId, request, checkoutId, 1), CancellationToken.None);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<List<double>> RepeatAsync(int count, int concurrency, Func<int, Task<double>> call)
    {
        var results = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => results.Add(await call(i)));
        return [.. results];
    }
}

/// <summary>Milliseconds: the merchant's wait for the URL both ways, and the medians of the API path's spans.</summary>
public sealed record TimeToUrlFigures(
    int Requests,
    int Concurrency,
    Percentiles ThroughApi,
    Percentiles Direct,
    double ApiRequestMedian,
    double StartMedian,
    double FollowOpeningMedian,
    double ActivityMedian,
    double ProviderCallMedian)
{
    public double RatioP50 => ThroughApi.P50 / Direct.P50;

    public double RatioP99 => ThroughApi.P99 / Direct.P99;
}
