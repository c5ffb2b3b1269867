using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>One simulator per test class, and a callback sink and provider host per test.</summary>
public abstract class ProviderTestBase : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    protected ProviderTestBase(SimulatorFixture simulator)
    {
        Simulator = simulator;
    }

    protected SimulatorFixture Simulator { get; }

    protected CallbackSink Sink { get; private set; } = null!;

    protected ProviderTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await CallbackSink.StartAsync();
        Host = ProviderTestHost.Create(Simulator, Sink.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sink.DisposeAsync();
    }

    /// <summary>What the simulated provider stored for a session, as its own JSON.</summary>
    protected async Task<JsonElement> SimulatedSessionAsync(string provider, Func<JsonElement, bool> match)
    {
        var sessions = await Simulator.Http.GetFromJsonAsync<JsonElement>($"/simulator/{provider}/sessions");
        return sessions.EnumerateArray().Single(match);
    }
}
