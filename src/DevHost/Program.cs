using CheckoutOrchestrator.DevHost;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var settingsPath = DevSettings.Find();
var options = DevRunOptions.From(DevSettings.Load(settingsPath), configuration) with
{
    ConfigureLogging = logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning),
};

Console.WriteLine($"Starting the checkout stack from {settingsPath} …");
await using var run = await DevRun.StartAsync(options);
Console.WriteLine(DevRunBanner.For(run));

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopping.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping …");
}
