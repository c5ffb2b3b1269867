using System.Net;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.ServiceDefaults.Health;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Temporalio.Client;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>What the people who run the product rely on: health probes and where provider calls queue.</summary>
public sealed class OperationsTests : ApiTestBase
{
    public OperationsTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("api", "/health/live")]
    [InlineData("api", "/health/ready")]
    [InlineData("worker", "/health/live")]
    [InlineData("worker", "/health/ready")]
    public async Task API_and_worker_answer_their_health_probes(string host, string path)
    {
        using var client = new HttpClient { BaseAddress = host == "api" ? Fixture.Run.ApiUrl : Fixture.Run.WorkerUrl };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(path.EndsWith("live", StringComparison.Ordinal) ? body == "Healthy" : body.Contains("\"temporal\":{\"status\":\"Healthy\"", StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task The_workers_readiness_says_how_many_checkouts_it_holds_in_memory()
    {
        await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        using var client = new HttpClient { BaseAddress = Fixture.Run.WorkerUrl };

        var ready = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).RootElement;

        var cache = ready.GetProperty("checks").GetProperty("workflow-cache").GetProperty("data");
        Assert.True(cache.GetProperty("cachedWorkflows").GetInt64() >= 1, cache.ToString());
        Assert.True(cache.GetProperty("replays").GetInt64() >= 0, cache.ToString());
    }

    [Fact]
    public async Task Without_Temporal_a_host_is_not_ready()
    {
        var unreachable = TemporalClient.CreateLazy(new("127.0.0.1:9"));

        var result = await new TemporalHealthCheck(unreachable).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("127.0.0.1:9", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PaymentProvider.Adullam, "checkouts-adullam")]
    [InlineData(PaymentProvider.Kiotapay, "checkouts")]
    public async Task Adullam_calls_queue_on_their_own_rate_limited_task_queue(PaymentProvider provider, string queue)
    {
        var opened = await OpenAsync(CheckoutBodies.For(provider));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        var history = await Fixture.Temporal.GetWorkflowHandle(checkoutId).FetchHistoryAsync();

        var scheduled = history.Events.Where(e => e.ActivityTaskScheduledEventAttributes is { } a && a.ActivityType.Name.StartsWith("CreateSession", StringComparison.Ordinal)).ToList();
        Assert.Equal(queue, Assert.Single(scheduled).ActivityTaskScheduledEventAttributes.TaskQueue.Name);
    }
}
