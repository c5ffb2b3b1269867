using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Simulators.LakiPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>The five simulated providers on a free loopback port, driven over real HTTP.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    /// <summary>A merchant whose inbox on the simulators checks signatures with these secrets.</summary>
    public const string MerchantId = "test-shop";

    public static readonly string[] MerchantSecrets = ["whsec_test_shop_current_secret_000000000001", "whsec_test_shop_previous_secret_00000000002"];

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
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"Simulators:MerchantSecrets:{MerchantId}:0"] = MerchantSecrets[0] });
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
