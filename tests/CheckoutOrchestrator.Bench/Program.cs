using System.Globalization;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Bench;
using CheckoutOrchestrator.Checkouts;

// dotnet run --project tests/CheckoutOrchestrator.Bench -c Release [-- --out bench.json] [--requests 500] [--url-concurrency 20] [--basic-costs]
// or, for open checkouts at scale: [-- --scale 100000 --rate 40 --cache 2000 --gc workstation --hold 00:05:00]
const decimal ListPricePerMillionActions = 50m;
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench.json";
if (args.Contains("--scale"))
{
    await ScaleReport.RunAsync(args, output);
    return;
}

var requests = int.Parse(args.SkipWhile(a => a != "--requests").Skip(1).FirstOrDefault() ?? "500", CultureInfo.InvariantCulture);

IReadOnlyList<ScenarioCost> costs;
string server;
await using (var scenarios = await CostScenarios.StartAsync())
{
    costs = await scenarios.RunAllAsync(full: !args.Contains("--basic-costs"));
    server = scenarios.Server;
}

var urlConcurrency = int.Parse(args.SkipWhile(a => a != "--url-concurrency").Skip(1).FirstOrDefault() ?? "20", CultureInfo.InvariantCulture);
var url = await TimeToUrl.MeasureAsync(requests, urlConcurrency);
var seconds = int.Parse(args.SkipWhile(a => a != "--seconds").Skip(1).FirstOrDefault() ?? "60", CultureInfo.InvariantCulture);
var throughput = await Throughput.MeasureAsync(50, TimeSpan.FromSeconds(seconds));
var growthSizes = (args.SkipWhile(a => a != "--growth").Skip(1).FirstOrDefault() ?? "100,1000").Split(',', StringSplitOptions.RemoveEmptyEntries)
    .Where(size => size != "none").Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToList();
var growth = new List<ThroughputFigures>();
foreach (var size in growthSizes)
{
    growth.Add(await Throughput.MeasureAsync(50, TimeSpan.FromSeconds(Math.Min(seconds, 20)), size));
}
var polling = Enum.GetValues<PaymentProvider>().Select(PollingFigures.For).ToList();
var adullam = polling.Single(p => p.Provider == "adullam");

var text = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Temporal cost per checkout, read from the histories of real runs (API, worker, simulators) on the time-skipping test server at {server}.")
    .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. Actions counted as Temporal Cloud bills them (see BillableActions); price {ListPricePerMillionActions} USD per million actions (list, first tier).")
    .AppendLine()
    .AppendLine("| Checkout | Actions | of which queries | History events | Lookups | USD per million checkouts | Naive 5 s polling: actions | events | USD per million |")
    .AppendLine("|---|---|---|---|---|---|---|---|---|");
foreach (var c in costs)
{
    text.AppendLine(CultureInfo.InvariantCulture, $"| {c.Scenario} (ended {c.EndedAs}) | {c.Actions} | {c.Queries} | {c.HistoryEvents} | {c.Lookups} | {c.Actions * ListPricePerMillionActions:N0} | {c.NaiveActions} | {c.NaiveEvents} | {c.NaiveActions * ListPricePerMillionActions:N0} |");
}

text.AppendLine();
foreach (var c in costs)
{
    text.AppendLine(CultureInfo.InvariantCulture, $"{c.Scenario}: {c.Breakdown}");
}

text.AppendLine()
    .AppendLine("| Provider | Lookups in a 30-min checkout without callbacks (goal <= 8) | Worst delay from payment to a poll noticing it (min) | Lookups after an unpaid end |")
    .AppendLine("|---|---|---|---|");
foreach (var p in polling)
{
    text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Provider} | {p.LookupsIn30Minutes} | {p.WorstDelayMinutes:F0} | {p.LateLookups} |");
}

text.AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Adullam (100 requests/minute, 1000/hour): lookups an hour for 10 / 100 / 1000 open checkouts = {adullam.LookupsPerHour(10)} / {adullam.LookupsPerHour(100)} / {adullam.LookupsPerHour(1000)}");
text.AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Time to checkout URL, {url.Requests} requests at {url.Concurrency} concurrent, provider answering in 100 ms (dev server: {Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH") ?? "SDK download"}):")
    .AppendLine("| | p50 ms | p99 ms |")
    .AppendLine("|---|---|---|")
    .AppendLine(CultureInfo.InvariantCulture, $"| POST /checkouts to its URL | {url.ThroughApi.P50:F0} | {url.ThroughApi.P99:F0} |")
    .AppendLine(CultureInfo.InvariantCulture, $"| the same create, Refit client called directly | {url.Direct.P50:F0} | {url.Direct.P99:F0} |")
    .AppendLine(CultureInfo.InvariantCulture, $"| ratio (goal <= 1.15 / <= 1.5) | {url.RatioP50:F2} | {url.RatioP99:F2} |")
    .AppendLine(CultureInfo.InvariantCulture, $"Medians of the API path: request {url.ApiRequestMedian:F0} ms = API's own {url.ApiRequestMedian - url.StartMedian - url.FollowOpeningMedian:F0} + workflow start {url.StartMedian:F0} + following its history to the create's result {url.FollowOpeningMedian:F0}; of which the activity {url.ActivityMedian:F0} (provider HTTP {url.ProviderCallMedian:F0}) and Temporal plus worker pickup {url.FollowOpeningMedian - url.ActivityMedian:F0}.");
text.AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Throughput, {throughput.Clients} merchant clients for {throughput.Seconds:F0} s (open, pay, long-poll to final; API and worker each a process of its own, simulators and load in this one, {BenchDevRun.Server}):")
    .AppendLine(CultureInfo.InvariantCulture, $"{throughput.Completed} checkouts succeeded, {throughput.CheckoutsPerSecond:F1} a second; end to end p50 {throughput.EndToEndMs.P50:F0} ms, p99 {throughput.EndToEndMs.P99:F0} ms; CPU per checkout: API {throughput.CpuMsPerCheckout.Api:F1} ms, worker {throughput.CpuMsPerCheckout.Worker:F1} ms, simulators and load {throughput.CpuMsPerCheckout.SimulatorsAndLoad:F1} ms; peak working set: API {throughput.ApiPeakMiB} MiB, worker {throughput.WorkerPeakMiB} MiB; not succeeded {throughput.NotSucceeded}, merchant not told {throughput.NotNotified}.");
if (growth.Count > 0)
{
    text.AppendLine().AppendLine("How it grows: the same load with checkouts already open and waiting (unpaid, on their poll timers):")
        .AppendLine("| Open before | Checkouts/s | p50 ms | p99 ms | Worker CPU ms per checkout | Worker peak MiB | API peak MiB | Not succeeded | Not told |")
        .AppendLine("|---|---|---|---|---|---|---|---|---|");
    foreach (var g in growth)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {g.AlreadyOpen} | {g.CheckoutsPerSecond:F1} | {g.EndToEndMs.P50:F0} | {g.EndToEndMs.P99:F0} | {g.CpuMsPerCheckout.Worker:F1} | {g.WorkerPeakMiB} | {g.ApiPeakMiB} | {g.NotSucceeded} | {g.NotNotified} |");
    }
}

Console.WriteLine(text);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new { server, costs, polling, timeToUrl = url, throughput, growth, listPricePerMillionActions = ListPricePerMillionActions }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Figures written to {Path.GetFullPath(output)}");
