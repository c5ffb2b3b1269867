using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>
/// What each way a provider call can go wrong becomes: validation and auth failures stop at once,
/// timeouts, 5xx and 429 are Temporal's to retry — except a create that may have opened a session
/// at a provider that cannot tell us so.
/// </summary>
public sealed class ErrorClassificationTests : ProviderTestBase
{
    public ErrorClassificationTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Theory]
    [InlineData(400, ProviderErrorTypes.Rejected, false)]
    [InlineData(401, ProviderErrorTypes.AuthenticationFailed, false)]
    [InlineData(403, ProviderErrorTypes.AuthenticationFailed, false)]
    [InlineData(408, ProviderErrorTypes.Timeout, true)]
    [InlineData(409, ProviderErrorTypes.Rejected, false)]
    [InlineData(422, ProviderErrorTypes.Rejected, false)]
    [InlineData(429, ProviderErrorTypes.RateLimited, true)]
    [InlineData(500, ProviderErrorTypes.Unavailable, true)]
    [InlineData(502, ProviderErrorTypes.Unavailable, true)]
    [InlineData(503, ProviderErrorTypes.Unavailable, true)]
    [InlineData(504, ProviderErrorTypes.Unavailable, true)]
    public async Task A_status_lookup_failure_is_classified_by_its_http_status(int status, string errorType, bool retryable)
    {
        var (checkoutId, session) = await OpenKiotapaySessionAsync();
        // Two failures, so a 401 also defeats the one renewal-and-retry.
        await Simulator.Control.SetFaultsAsync("kiotapay", new FaultSettings { FailNext = 2, FailStatus = status, PathContains = "checkout-sessions" });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session));

        await Simulator.Control.ClearFaultsAsync("kiotapay");
        Assert.Equal((errorType, !retryable), (failure.ErrorType, failure.NonRetryable));
    }

    [Fact]
    public async Task A_429_carries_retry_after_as_the_next_retry_delay()
    {
        var (checkoutId, session) = await OpenKiotapaySessionAsync();
        await Simulator.Control.SetFaultsAsync("kiotapay", new FaultSettings { FailNext = 1, FailStatus = 429, RetryAfterSeconds = 17, PathContains = "checkout-sessions" });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session));

        Assert.Equal(TimeSpan.FromSeconds(17), failure.NextRetryDelay);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_a_retryable_timeout()
    {
        var (checkoutId, session) = await OpenKiotapaySessionAsync();
        await Simulator.Control.SetFaultsAsync("kiotapay", new FaultSettings { HangNext = 1, PathContains = "checkout-sessions" });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session));

        Assert.Equal((ProviderErrorTypes.Timeout, false), (failure.ErrorType, failure.NonRetryable));
    }

    [Fact]
    public async Task A_provider_that_refuses_connections_is_unreachable_and_retried_even_for_a_create()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:Chpter:BaseUrl"] = "http://127.0.0.1:9/chpter");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Chpter)));

        Assert.Equal((ProviderErrorTypes.Unreachable, false), (failure.ErrorType, failure.NonRetryable));
    }

    [Theory]
    [InlineData(PaymentProvider.Kiotapay, "kiotapay", "checkout-sessions")]
    [InlineData(PaymentProvider.Chpter, "chpter", "checkout.sessions")]
    public async Task A_5xx_to_a_create_at_a_hosted_page_provider_is_retried_and_the_retry_opens_the_checkout(PaymentProvider provider, string slug, string path)
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        await Simulator.Control.SetFaultsAsync(slug, new FaultSettings { FailNext = 1, FailStatus = 500, AfterProcessing = true, PathContains = path });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.CreateAsync(checkoutId, SampleCheckouts.For(provider)));
        var retried = await Host.CreateAsync(checkoutId, SampleCheckouts.For(provider), attempt: 2);

        // The first session's URL was never seen, so nobody can pay it: only the retry's is handed out.
        Assert.Equal((ProviderErrorTypes.Unavailable, false), (failure.ErrorType, failure.NonRetryable));
        Assert.NotNull(retried.CheckoutUrl);
    }

    [Fact]
    public async Task A_timed_out_create_at_a_hosted_page_provider_is_retried()
    {
        await Simulator.Control.SetFaultsAsync("chpter", new FaultSettings { HangNext = 1, AfterProcessing = true, PathContains = "checkout.sessions" });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Chpter)));

        Assert.Equal((ProviderErrorTypes.Timeout, false), (failure.ErrorType, failure.NonRetryable));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(504)]
    public void A_create_that_may_have_reached_a_provider_that_prompts_on_create_is_not_retried(int status)
    {
        // No provider of the five prompts the customer on create without an idempotency key; the rule stays for one that does.
        var context = new ProviderCallContext(PaymentProvider.Kiotapay, ProviderOperation.CreateSession, CreateRetrySafety.None);

        var failure = ProviderFailures.FromStatus(context, status, null, "gateway error");
        var prompting = new ProviderCapabilities(true, CreateRetrySafety.None, false, true, false);
        var createRetries = CheckoutOrchestrator.Workflows.ProviderCalls.Create(prompting, null).RetryPolicy!;

        Assert.Equal((ProviderErrorTypes.CreateOutcomeUnknown, true), (failure.ErrorType, failure.NonRetryable));
        Assert.Contains("TemporalTimeout:StartToClose", createRetries.NonRetryableErrorTypes!);
    }

    [Theory]
    [InlineData("kiotapay", "checkout-sessions/")]
    [InlineData("lakipay", "payment/transaction/")]
    public async Task A_session_the_lookup_answers_404_for_is_missing_not_a_failed_lookup(string slug, string lookupPath)
    {
        var provider = slug == "kiotapay" ? PaymentProvider.Kiotapay : PaymentProvider.LakiPay;
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(provider));
        await Simulator.Control.SetFaultsAsync(slug, new FaultSettings { FailNext = 1, FailStatus = 404, PathContains = lookupPath });

        var status = await Host.StatusAsync(checkoutId, provider, session);

        await Simulator.Control.ClearFaultsAsync(slug);
        Assert.True(status.SessionMissing);
        Assert.Null(status.Status);
    }

    [Fact]
    public async Task A_429_to_a_create_proves_nothing_was_created_and_is_retried()
    {
        await Simulator.Control.SetFaultsAsync("kiotapay", new FaultSettings { FailNext = 1, FailStatus = 429, PathContains = "checkout-sessions" });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Kiotapay)));

        Assert.Equal((ProviderErrorTypes.RateLimited, false), (failure.ErrorType, failure.NonRetryable));
    }

    [Fact]
    public async Task A_request_the_provider_rules_forbid_is_never_sent()
    {
        var before = await Simulator.Control.CountsAsync("adullam");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Adullam) with { Amount = new Money(99m, "XOF") }));

        Assert.Equal((ProviderErrorTypes.InvalidCheckoutRequest, true), (failure.ErrorType, failure.NonRetryable));
        Assert.Equal(before, await Simulator.Control.CountsAsync("adullam"));
    }

    [Theory]
    [InlineData("""{"status":"ERROR","message":"Invalid API key","error_code":"INVALID_API_KEY","errors":{"api_key":["API key is required"]}}""", "INVALID_API_KEY", "Invalid API key (api_key: API key is required)")]
    [InlineData("""{"error":"invalid_request","message":"msisdn is required","param":"source.msisdn","request_id":"req_abc123","code":"400.001.300","status":"REJECTED"}""", "400.001.300", "msisdn is required (source.msisdn)")]
    [InlineData("""{"message":"Invalid authentication credentials"}""", null, "Invalid authentication credentials")]
    [InlineData("""{"status":400,"message":"unsupported payment methods"}""", null, "unsupported payment methods")]
    [InlineData("<html>Bad Gateway</html>", null, "<html>Bad Gateway</html>")]
    public void Documented_error_envelopes_yield_the_providers_code_and_message(string body, string? code, string message) =>
        Assert.Equal((code, message), ProviderErrorBody.Read(body));

    private async Task<(string CheckoutId, ProviderSession Session)> OpenKiotapaySessionAsync()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        await Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);
        return (checkoutId, session);
    }
}
