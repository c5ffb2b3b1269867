using System.Security.Cryptography;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

/// <summary>
/// Our real provider clients talking to a stub that answers exactly the documents' examples, and the
/// simulators sent the documents' example requests as written.
/// </summary>
public abstract class ContractTestBase : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly RSA lakiPayKey = RSA.Create(2048);

    protected ContractTestBase(SimulatorFixture simulator)
    {
        Simulator = simulator;
    }

    protected SimulatorFixture Simulator { get; }

    protected ContractStub Stub { get; private set; } = null!;

    protected ProviderTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stub = await ContractStub.StartAsync();
        Host = ProviderTestHost.Create(Stub.BaseUrl, new Uri("https://orchestrator.example.com"), lakiPayKey.ExportSubjectPublicKeyInfoPem());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stub.DisposeAsync();
        lakiPayKey.Dispose();
    }

    /// <summary>The one request our client sent to a path ending so.</summary>
    protected RecordedRequest Sent(string pathEnd) => Assert.Single(Stub.Requests, r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    protected async Task<(int Status, string Body)> PostToSimulatorAsync(string path, string body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Simulator.Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
