using CheckoutOrchestrator.DevHost;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.Sources.Clear();
builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);

var settingsPath = DevSettings.Find();
var options = DevRunOptions.From(DevSettings.Load(settingsPath), builder.Configuration) with
{
    // A person watches this console: checkouts' transitions and warnings, not a line per HTTP call.
    ConfigureLogging = logging => logging
        .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
        .AddFilter("Microsoft.Hosting", LogLevel.Warning)
        .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning)
        .AddFilter("CheckoutOrchestrator.Api", LogLevel.Warning)
        .AddFilter("CheckoutOrchestrator.Simulators", LogLevel.Warning),
};
builder.Services.AddHostedService(_ => new DevRunService(options, settingsPath));
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));

using var host = builder.Build();
await host.RunAsync();
