using System.Text.Json;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Reliability;

// dotnet run --project tests/CheckoutOrchestrator.Reliability -c Release -- [small|big] [--checkouts N] [--patience S|none] [--out file.json]
var settings = ChaosSettings.From(args);
var logs = Directory.CreateTempSubdirectory("reliability-").FullName;
Console.WriteLine($"Reliability run ({settings.Checkouts} checkouts); host logs in {logs}");
await using var stack = await SeparateHosts.StartAsync(logs, ChaosSettings.Merchant);
using var simulator = new HttpClient { BaseAddress = stack.SimulatorUrl };

var badInput = await BadInputRun.RunAsync(stack.ApiUrl, stack.SimulatorUrl, ChaosSettings.Merchant.ApiKey);
var report = await new ChaosRun(settings, stack, simulator).RunAsync(badInput);

Console.WriteLine(report.ToTable());
await File.WriteAllTextAsync(settings.OutputFile, JsonSerializer.Serialize(report, ChaosReport.Json));
Console.WriteLine($"Figures written to {Path.GetFullPath(settings.OutputFile)}");
return report.Passed ? 0 : 1;
