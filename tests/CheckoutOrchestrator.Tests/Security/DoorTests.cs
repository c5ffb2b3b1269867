using System.Net;
using System.Net.Sockets;
using System.Text;
using CheckoutOrchestrator.Api.Webhooks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Security;

/// <summary>Every door answers a request it cannot read with its own 4xx problem document, and a flood cannot rename its way to a fresh budget.</summary>
public sealed class DoorTests : ApiTestBase
{
    public DoorTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void A_providers_slug_in_any_case_spends_one_budget()
    {
        Assert.True(PaymentProviderSlugs.TryParse("KiOtApAy", out var shouted));

        Assert.Equal(
            WebhookRateLimit.PartitionOf(PaymentProvider.Kiotapay, false, IPAddress.Loopback),
            WebhookRateLimit.PartitionOf(shouted, false, IPAddress.Loopback));
    }

    [Theory]
    [InlineData("/webhooks/kiotapay")]
    [InlineData("/checkouts")]
    [InlineData("/codec/decode")]
    public async Task A_body_that_never_arrives_is_a_408_problem_not_a_500(string path)
    {
        var answer = await SendRawAsync(path, declaredLength: 5000, sentBytes: 10);

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/webhooks/kiotapay")]
    [InlineData("/checkouts")]
    public async Task A_body_declared_larger_than_any_door_takes_is_a_413_problem_not_a_500(string path)
    {
        var answer = await SendRawAsync(path, declaredLength: 100L * 1024 * 1024, sentBytes: 0);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_slug_is_a_404()
    {
        using var unknown = await Fixture.Simulators.Http.PostAsync(new Uri(Fixture.Run.ApiUrl, "/webhooks/not-a-provider"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>A request whose body is declared but (mostly) never sent, as a slow or lying client makes it.</summary>
    private async Task<string> SendRawAsync(string path, long declaredLength, int sentBytes)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Fixture.Run.ApiUrl.Host, Fixture.Run.ApiUrl.Port);
        var stream = tcp.GetStream();
        var key = path.StartsWith("/codec", StringComparison.Ordinal) ? DevHost.DevRun.DevOperatorToken : DevRunFixture.OtherShop.ApiKey;
        var head = $"POST {path} HTTP/1.1\r\nHost: {Fixture.Run.ApiUrl.Authority}\r\nAuthorization: Bearer {key}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {declaredLength}\r\n\r\n" + new string('{', sentBytes);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
