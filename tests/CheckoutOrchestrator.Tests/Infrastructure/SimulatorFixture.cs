using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Simulators.LakiPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>The five simulated providers on a free loopback port, driven over real HTTP.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public SimulatorControl Control { get; private set; } = null!;

    public HttpClient Http => Control.Http;

    public string LakiPayPublicKeyPem => app!.Services.GetRequiredService<LakiPaySigningKey>().PublicKeyPem;

    public async Task InitializeAsync()
    {
        app = SimulatorApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First());
        Control = new SimulatorControl(BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Control?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    public Uri ProviderUrl(string path) => new(BaseUrl, path);
}
