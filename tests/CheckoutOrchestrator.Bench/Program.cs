using System.Globalization;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Bench;
using CheckoutOrchestrator.Checkouts;

// dotnet run --project tests/CheckoutOrchestrator.Bench -c Release [-- --out bench.json]
const decimal ListPricePerMillionActions = 50m;
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench.json";

await using var scenarios = await CostScenarios.StartAsync();
var costs = await scenarios.RunAllAsync();
var polling = Enum.GetValues<PaymentProvider>().Select(PollingFigures.For).ToList();
var adullam = polling.Single(p => p.Provider == "adullam");

var text = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Temporal cost per checkout, read from the histories of real runs (API, worker, simulators) on the time-skipping test server at {scenarios.Server}.")
    .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. Actions counted as Temporal Cloud bills them (see BillableActions); price {ListPricePerMillionActions} USD per million actions (list, first tier).")
    .AppendLine()
    .AppendLine("| Checkout | Actions | History events | Lookups | USD per million checkouts | Naive 5 s polling: actions | events | USD per million |")
    .AppendLine("|---|---|---|---|---|---|---|---|");
foreach (var c in costs)
{
    text.AppendLine(CultureInfo.InvariantCulture, $"| {c.Scenario} (ended {c.EndedAs}) | {c.Actions} | {c.HistoryEvents} | {c.Lookups} | {c.Actions * ListPricePerMillionActions:N0} | {c.NaiveActions} | {c.NaiveEvents} | {c.NaiveActions * ListPricePerMillionActions:N0} |");
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
Console.WriteLine(text);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new { server = scenarios.Server, costs, polling, listPricePerMillionActions = ListPricePerMillionActions }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Figures written to {Path.GetFullPath(output)}");
