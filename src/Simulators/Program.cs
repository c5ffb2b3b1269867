using CheckoutOrchestrator.Simulators;

await using var app = SimulatorApp.Create(args);
await app.RunAsync();
