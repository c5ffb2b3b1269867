using System.Text.Json;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Reliability;

// dotnet run --project tests/CheckoutOrchestrator.Reliability -c Release -- [small|big] [--checkouts N] [--patience S|none] [--out file.json]
// dotnet run --project tests/CheckoutOrchestrator.Reliability -c Release -- failover [--checkouts N]
// dotnet run --project tests/CheckoutOrchestrator.Reliability -c Release -- attack
if (args.FirstOrDefault() == "failover")
{
    var checkouts = args.SkipWhile(a => a != "--checkouts").Skip(1).Select(int.Parse).FirstOrDefault(40);
    var failoverLogs = Directory.CreateTempSubdirectory("failover-").FullName;
    Console.WriteLine($"Failover run ({checkouts} checkouts with Kiotapay down); host logs in {failoverLogs}");
    await using var failoverStack = await SeparateHosts.StartAsync(failoverLogs, ChaosSettings.Merchant);
    using var failoverSimulator = new HttpClient { BaseAddress = failoverStack.SimulatorUrl };
    var failover = await new FailoverRun(failoverStack, failoverSimulator, checkouts).RunAsync();
    Console.WriteLine(failover.ToTable());
    return failover.Passed ? 0 : 1;
}

if (args.FirstOrDefault() == "attack")
{
    var attackLogs = Directory.CreateTempSubdirectory("attack-").FullName;
    Console.WriteLine($"Attack run against separate processes; host logs in {attackLogs}");
    await using var attackStack = await SeparateHosts.StartAsync(attackLogs, AttackRun.Options);
    using var attackSimulator = new HttpClient { BaseAddress = attackStack.SimulatorUrl };
    var attack = await new AttackRun(attackStack, attackSimulator, Path.Combine(attackLogs, "api.log")).RunAsync();
    Console.WriteLine(attack.ToTable());
    return attack.Passed ? 0 : 1;
}

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
