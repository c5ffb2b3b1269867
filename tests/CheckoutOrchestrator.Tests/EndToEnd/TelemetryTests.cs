using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// What an operator's tracing and metrics backends receive from a checkout: the dev run's hosts
/// share this process, so a listener here sees exactly what their exporters would.
/// </summary>
public sealed class TelemetryTests : ApiTestBase, IDisposable
{
    private readonly ConcurrentBag<Activity> spans = [];
    private readonly ConcurrentBag<(string Name, double Value, Dictionary<string, string?> Tags)> measurements = [];
    private readonly ActivityListener tracing;
    private readonly MeterListener metering = new();

    public TelemetryTests(DevRunFixture fixture)
        : base(fixture)
    {
        tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "CheckoutOrchestrator.Temporal" or "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(tracing);
        metering.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is "Temporal" or "CheckoutOrchestrator")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        metering.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        metering.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        metering.Start();
    }

    [Fact]
    public async Task One_trace_runs_from_the_API_request_through_the_workflow_and_activity_to_the_provider_call()
    {
        // The merchant's backend is traced too: its call carries the trace into the API.
        using var merchantBackend = new Activity("merchant-backend").Start();
        var traceId = merchantBackend.TraceId;

        using var response = await PostCheckoutAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var trace = await SpansOfAsync(traceId, s => s.Source.Name == "System.Net.Http" && Url(s).Contains("/kiotapay/", StringComparison.Ordinal));
        var names = trace.Select(s => s.DisplayName).ToList();
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        Assert.Contains("StartWorkflow:CheckoutWorkflow", names);
        Assert.Contains("FollowOpening:CheckoutWorkflow", names);
        Assert.Contains("RunWorkflow:CheckoutWorkflow", names);
        Assert.Contains("RunActivity:CreateSession", names);
        Assert.All(trace.Where(s => s.Source.Name == "CheckoutOrchestrator.Temporal"), s => Assert.StartsWith("co_", s.GetTagItem("checkout.id") as string, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_callback_and_the_signal_it_becomes_share_one_trace()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        await ChooseAsync(await CustomerPageAsync(PaymentProvider.Chpter, opened), "pay");
        await FinalStateAsync(checkoutId);

        var handled = await EventuallyAsync(() => spans.FirstOrDefault(s =>
            s.DisplayName == "HandleSignal:ReceiveProviderEvent" && s.GetTagItem("checkout.id") as string == checkoutId));
        var trace = spans.Where(s => s.TraceId == handled.TraceId).ToList();
        Assert.Contains(trace, s => s.DisplayName == "SignalWorkflow:ReceiveProviderEvent");
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName.StartsWith("POST /webhooks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paid_checkout_is_counted_with_its_provider_status_time_provider_calls_and_the_signal_its_progress_saved()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Waftpay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        await ChooseAsync(await CustomerPageAsync(PaymentProvider.Waftpay, opened), "pay");
        await FinalStateAsync(checkoutId);

        await EventuallyAsync(() => measurements.Any(m => m.Name == "checkout_ended" && m.Tags["provider"] == "waftpay" && m.Tags["status"] == "succeeded") ? true : (bool?)null);
        Assert.Contains(measurements, m => m.Name == "checkout_started" && m.Tags["provider"] == "waftpay");
        Assert.Contains(measurements, m => m.Name == "checkout_time_to_final" && m.Tags["provider"] == "waftpay" && m.Value > 0);
        Assert.Contains(measurements, m => m.Name == "checkout.provider.call.duration" && m.Tags["provider"] == "waftpay" && m.Tags["operation"] == "CreateSession" && m.Tags["outcome"] == "ok");
        Assert.Contains(measurements, m => m.Name.StartsWith("temporal_", StringComparison.Ordinal));
        Assert.Contains(measurements, m => m.Name == "checkout.webhook.progress.held" && m.Tags["delivery"] == "carried");
    }

    public void Dispose()
    {
        tracing.Dispose();
        metering.Dispose();
    }

    private static string Url(Activity span) => span.GetTagItem("url.full") as string ?? span.GetTagItem("http.url") as string ?? string.Empty;

    private static async Task<T> EventuallyAsync<T>(Func<T?> find)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "It never showed up.");
            await Task.Delay(50);
        }
    }

    private async Task<List<Activity>> SpansOfAsync(ActivityTraceId traceId, Func<Activity, bool> last)
    {
        await EventuallyAsync(() => spans.Any(s => s.TraceId == traceId && last(s)) ? true : (bool?)null);
        return [.. spans.Where(s => s.TraceId == traceId)];
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        measurements.Add((instrument.Name, value, copy));
    }
}
