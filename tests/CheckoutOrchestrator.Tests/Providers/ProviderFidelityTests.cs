using System.Net;
using System.Text;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Providers.Kiotapay;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>Points where a provider's document allows more than one behaviour: each must end right.</summary>
public sealed class ProviderFidelityTests : ProviderTestBase
{
    public ProviderFidelityTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task A_kiotapay_configuration_that_names_no_environment_refuses_to_start_outside_development()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s.Remove("Providers:Kiotapay:Environment"));

        var refused = Assert.Throws<OptionsValidationException>(() => host.Service<IOptions<KiotapayOptions>>().Value);

        Assert.Contains("Providers:Kiotapay:Environment must be Sandbox or Production", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_development_host_defaults_kiotapay_to_its_sandbox()
    {
        await using var host = ProviderTestHost.Create(
            Simulator,
            Sink.BaseUrl,
            s => s.Remove("Providers:Kiotapay:Environment"),
            services: s => s.AddSingleton<IHostEnvironment>(new DevelopmentHost()));

        Assert.Equal(("/api/sandbox/v1", KiotapayEnvironment.Sandbox), (host.Service<IOptions<KiotapayOptions>>().Value.EffectiveCheckoutPath, host.Service<IOptions<KiotapayOptions>>().Value.Environment));
    }

    [Fact]
    public async Task A_production_kiotapay_sends_checkouts_to_the_production_path()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:Kiotapay:Environment"] = "Production");
        var checkoutId = SampleCheckouts.NewCheckoutId();

        var session = await host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        var status = await host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);

        Assert.Equal("/api/v1", host.Service<IOptions<KiotapayOptions>>().Value.EffectiveCheckoutPath);
        Assert.Equal(PaymentStatus.Pending, status.Status);
    }

    [Fact]
    public async Task Kiotapay_takes_exactly_application_json_and_our_requests_send_exactly_that()
    {
        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Kiotapay));
        using var withCharset = await Simulator.Http.PostAsync(
            new Uri("/kiotapay/api/v1/get-token", UriKind.Relative),
            new StringContent("""{"apiKey":"sim-kiotapay-api-key","apiSecret":"sim-kiotapay-api-secret"}""", Encoding.UTF8, "application/json"));

        Assert.NotNull(session.CheckoutUrl);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, withCharset.StatusCode);
    }

    [Fact]
    public void Chpter_order_ids_fit_a_32_bit_integer_and_are_stable_per_checkout()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => SampleCheckouts.Keys.IdFor("m", $"ref-{i}")).ToList();

        var orderIds = ids.Select(id => SampleCheckouts.ReferenceFor(PaymentProvider.Chpter, id)).Select(long.Parse).ToList();

        Assert.All(orderIds, id => Assert.InRange(id, 1, int.MaxValue));
        Assert.Equal(orderIds, ids.Select(id => SampleCheckouts.ReferenceFor(PaymentProvider.Chpter, id)).Select(long.Parse));
    }

    [Theory]
    [InlineData("legacy")]
    [InlineData("v3-on-200")]
    public async Task A_chpter_refusal_in_either_error_format_is_classified_by_its_status(string format)
    {
        await SetAsync($"/simulator/chpter/errors?format={format}");
        try
        {
            await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:Chpter:Domain"] = "someone-else.test");

            var refused = await Assert.ThrowsAsync<ApplicationFailureException>(() => host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Chpter)));

            Assert.Equal((ProviderErrorTypes.AuthenticationFailed, true), (refused.ErrorType, refused.NonRetryable));
        }
        finally
        {
            await SetAsync("/simulator/chpter/errors?format=legacy");
        }
    }

    [Theory]
    [InlineData("ERROR", ProviderErrorTypes.Unavailable, false)]
    [InlineData("REJECTED", ProviderErrorTypes.Rejected, true)]
    public async Task A_waftpay_2xx_whose_status_is_not_success_is_retried_or_refused_as_its_error_guide_says(string status, string errorType, bool nonRetryable)
    {
        await SetAsync($"/simulator/waftpay/next-create-status?status={status}");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Waftpay)));

        Assert.Equal((errorType, nonRetryable), (failure.ErrorType, failure.NonRetryable));
    }

    [Fact]
    public async Task A_waftpay_request_accepted_for_processing_with_its_url_opens_the_session()
    {
        await SetAsync("/simulator/waftpay/next-create-status?status=ACCEPTED");

        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Waftpay));

        Assert.NotNull(session.CheckoutUrl);
    }

    private async Task SetAsync(string path) =>
        (await Simulator.Http.PutAsync(new Uri(path, UriKind.Relative), null)).EnsureSuccessStatusCode();

    private sealed class DevelopmentHost : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
