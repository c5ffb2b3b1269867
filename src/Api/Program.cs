using CheckoutOrchestrator.Api;

await using var app = CheckoutApiApp.Create(args);
await app.RunAsync();
