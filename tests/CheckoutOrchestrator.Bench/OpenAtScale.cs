using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.Harness;

namespace CheckoutOrchestrator.Bench;

/// <summary>
/// How many open checkouts one worker holds, and at what memory: checkouts opened through the API at a
/// paced rate and left unpaid (on their poll timers), the worker its own process with the cache and GC
/// under test, its resident memory and the SDK's cache size and replay count sampled as they grow.
/// </summary>
public static class OpenAtScale
{
    private static readonly PaymentProvider[] Providers = [PaymentProvider.Kiotapay, PaymentProvider.LakiPay, PaymentProvider.Waftpay, PaymentProvider.Chpter];

    public static async Task<ScaleFigures> MeasureAsync(ScalePlan plan, Action<ScaleSample> report)
    {
        var worker = plan.Gc.RuntimeSettings.Concat(plan.WorkerEnvironment).ToDictionary();
        worker["Worker:MaxCachedWorkflows"] = plan.CacheSize.ToString(CultureInfo.InvariantCulture);
        await using var hosts = await SeparateHosts.StartAsync(Directory.CreateTempSubdirectory("bench-scale-").FullName, BenchDevRun.Merchant, worker);
        using var http = BenchDevRun.Api(hosts.ApiUrl);
        using var health = new HttpClient { BaseAddress = hosts.WorkerUrl };
        var api = CheckoutClient.Create(http, BenchDevRun.Merchant.ApiKey);
        var samples = new List<ScaleSample>();
        var opened = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        var lastSample = TimeSpan.Zero;
        var lastCpu = hosts.Worker.CpuTime;

        async Task SampleAsync()
        {
            var (cached, replays) = await CacheAsync(health);
            var cpu = hosts.Worker.CpuTime;
            var sample = new ScaleSample(clock.Elapsed.TotalSeconds, opened, hosts.Worker.WorkingSetMiB, cached, replays, (cpu - lastCpu).TotalSeconds / (clock.Elapsed - lastSample).TotalSeconds);
            (lastSample, lastCpu) = (clock.Elapsed, cpu);
            samples.Add(sample);
            report(sample);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Checkouts), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
        {
            // Paced: checkout i is opened no sooner than i / rate seconds in.
            var due = TimeSpan.FromSeconds(i / plan.CreatesPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, token);
            }

            try
            {
                await api.CreateAsync(CheckoutBodies.Request(Providers[i % Providers.Length], $"scale-{i}-{Guid.NewGuid():N}"[..30], plan.ExpirySeconds), token);
                Interlocked.Increment(ref opened);
            }
            catch (CheckoutApiException)
            {
                Interlocked.Increment(ref refused);
            }
        }).WaitWithSamplesAsync(SampleAsync, plan.SampleEvery);

        // Held: nothing new opens, the open checkouts wait on their timers; what does holding them cost?
        var held = clock.Elapsed;
        while (clock.Elapsed - held < plan.Hold)
        {
            await Task.Delay(plan.SampleEvery);
            await SampleAsync();
        }

        return new ScaleFigures(plan, opened, refused, clock.Elapsed.TotalSeconds, hosts.Worker.PeakWorkingSetMiB, samples);
    }

    private static async Task<(long Cached, long Replays)> CacheAsync(HttpClient health)
    {
        var ready = await health.GetFromJsonAsync<JsonElement>("/health/ready");
        var data = ready.GetProperty("checks").GetProperty("workflow-cache").GetProperty("data");
        return (data.GetProperty("cachedWorkflows").GetInt64(), data.GetProperty("replays").GetInt64());
    }

    private static async Task WaitWithSamplesAsync(this Task work, Func<Task> sample, TimeSpan every)
    {
        while (await Task.WhenAny(work, Task.Delay(every)) != work)
        {
            await sample();
        }

        await work;
        await sample();
    }
}

/// <summary>A scale run: how many checkouts, opened how fast, held how long, by a worker with which cache and GC.</summary>
public sealed record ScalePlan(int Checkouts, double CreatesPerSecond, int CacheSize, GcMode Gc, int ExpirySeconds, TimeSpan Hold, TimeSpan SampleEvery, IReadOnlyDictionary<string, string?> WorkerEnvironment);

/// <summary>One sample: open so far, the worker's resident MiB, checkouts in its cache, replays so far, its CPU (cores) since the last sample.</summary>
public sealed record ScaleSample(double Seconds, int Open, long WorkerRssMiB, long Cached, long Replays, double WorkerCores);

public sealed record ScaleFigures(ScalePlan Plan, int Opened, int Refused, double Seconds, long WorkerPeakMiB, IReadOnlyList<ScaleSample> Samples);
