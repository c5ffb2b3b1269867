using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCheckoutWorker(builder.Configuration);
builder.Services.AddCheckoutTelemetry(builder.Configuration, "checkout-worker");
using var host = builder.Build();
await host.RunAsync();
