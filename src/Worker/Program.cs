using CheckoutOrchestrator.Worker;

await using var app = CheckoutWorkerApp.Create(args);
await app.RunAsync();
