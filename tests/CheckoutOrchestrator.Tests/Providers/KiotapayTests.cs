using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Kiotapay;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

public sealed class KiotapayTests : ProviderTestBase
{
    public KiotapayTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task Create_sends_the_documented_fields_and_returns_the_hosted_checkout_url()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));

        Assert.StartsWith(Simulator.ProviderUrl("kiotapay/checkout/").AbsoluteUri, session.CheckoutUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(session.SessionId, out _));
        Assert.StartsWith("KPCO-", session.PaymentId, StringComparison.Ordinal);
        Assert.Equal(new ProviderStatus("PENDING", PaymentStatus.Pending), session.Status);
        var stored = await SimulatedSessionAsync("kiotapay", s => s.GetProperty("reference").GetString() == checkoutId);
        Assert.Equal(1500m, stored.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Status_lookup_reads_the_session_after_the_customer_pays()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        Assert.Equal(PaymentStatus.Pending, (await Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session)).Status);

        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "CARD");

        var status = await Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);
        Assert.Equal(new ProviderStatus("SUCCEEDED", PaymentStatus.Succeeded, null, 1500m, Reference: session.Reference), status);
    }

    [Fact]
    public async Task Fifty_concurrent_calls_with_no_token_share_one_token_request()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        await using var freshHost = ProviderTestHost.Create(Simulator, Sink.BaseUrl);
        var before = await Simulator.Control.CountsAsync("kiotapay");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => freshHost.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session)));

        Assert.All(statuses, s => Assert.Equal(PaymentStatus.Pending, s.Status));
        var after = await Simulator.Control.CountsAsync("kiotapay");
        Assert.Equal(1, after.TokenRequests - before.TokenRequests);
        Assert.Equal(50, after.StatusLookups - before.StatusLookups);
    }

    [Fact]
    public async Task The_300_second_token_is_renewed_a_minute_before_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, time: clock);
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        var afterFirstToken = await Simulator.Control.CountsAsync("kiotapay");

        clock.Advance(TimeSpan.FromSeconds(235));
        await host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);
        Assert.Equal(afterFirstToken.TokenRequests, (await Simulator.Control.CountsAsync("kiotapay")).TokenRequests);

        clock.Advance(TimeSpan.FromSeconds(10));
        await host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);
        Assert.Equal(afterFirstToken.TokenRequests + 1, (await Simulator.Control.CountsAsync("kiotapay")).TokenRequests);
    }

    [Fact]
    public async Task A_token_the_provider_refuses_is_renewed_once_and_the_request_sent_again()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        var before = await Simulator.Control.CountsAsync("kiotapay");

        await Simulator.Control.RevokeTokensAsync("kiotapay");
        var status = await Host.StatusAsync(checkoutId, PaymentProvider.Kiotapay, session);

        Assert.Equal(PaymentStatus.Pending, status.Status);
        Assert.Equal(before.TokenRequests + 1, (await Simulator.Control.CountsAsync("kiotapay")).TokenRequests);
    }

    [Fact]
    public async Task Wrong_credentials_fail_at_once_as_an_authentication_failure()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:Kiotapay:ApiSecret"] = "wrong");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Kiotapay)));

        Assert.Equal(ProviderErrorTypes.AuthenticationFailed, failure.ErrorType);
        Assert.True(failure.NonRetryable);
    }

    [Fact]
    public async Task A_callback_on_the_checkouts_url_only_triggers_a_status_lookup()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));

        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "MPESA_STK");
        var callbacks = await Sink.WaitForAsync(c => c.CheckoutId == checkoutId, count: 2);

        var verdicts = callbacks.Select(c => Host.Read(c, PaymentProvider.Kiotapay)).ToList();
        Assert.All(verdicts, v => Assert.Equal(CallbackVerdictKind.Accepted, v.Kind));
        Assert.All(verdicts, v => Assert.Equal(checkoutId, v.CheckoutId));
        Assert.All(verdicts, v => Assert.Equal(CallbackEvidence.Token, v.Event!.Evidence));
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Succeeded], verdicts.Select(v => v.Event!.Status!.Status));
    }

    [Fact]
    public async Task A_callback_with_a_missing_or_foreign_token_is_only_a_hint_found_by_its_own_ids()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Kiotapay));
        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "fail");
        var callback = (await Sink.WaitForAsync(c => c.CheckoutId == checkoutId))[0];

        var otherCheckoutsToken = Host.CallbackUrls.ForCheckout(PaymentProvider.Kiotapay, SampleCheckouts.NewCheckoutId()).Query.Split("token=")[1];
        var tokened = Host.Read(callback, PaymentProvider.Kiotapay);
        var dropped = Host.Read(callback with { CheckoutId = null, Token = null }, PaymentProvider.Kiotapay);
        var foreign = Host.Read(callback with { Token = otherCheckoutsToken }, PaymentProvider.Kiotapay);

        Assert.Equal((checkoutId, CallbackEvidence.Token), (tokened.CheckoutId, tokened.Event!.Evidence));
        Assert.All([dropped, foreign], v => Assert.Equal((CallbackVerdictKind.Accepted, null, CallbackEvidence.Hint), (v.Kind, v.CheckoutId, v.Event!.Evidence)));
        Assert.All([dropped, foreign], v => Assert.Contains(session.SessionId!, v.SessionKeys));
        Assert.Null(dropped.Suspicion);
        Assert.NotNull(foreign.Suspicion);
    }

    [Theory]
    [InlineData("""{"id":"cf488410-9d9b-4f4e-9c45-1f1d5a3c2b10","checkoutUrl":"https://pay.kiotapay.co/c/1","checkoutRef":"KP-1","status":"PENDING"}""")]
    [InlineData("""{"status":200,"message":"Success","data":{"id":"cf488410-9d9b-4f4e-9c45-1f1d5a3c2b10","checkoutUrl":"https://pay.kiotapay.co/c/1","checkoutRef":"KP-1","status":"PENDING"}}""")]
    public void The_create_response_is_read_whether_flat_or_wrapped_in_an_envelope(string json)
    {
        var session = JsonSerializer.Deserialize<KiotapayCreateSessionResponse>(json, ProviderJson.CamelCase)!.Session!;

        Assert.Equal(new KiotapayCreatedSession("cf488410-9d9b-4f4e-9c45-1f1d5a3c2b10", "https://pay.kiotapay.co/c/1", "KP-1", "PENDING"), session);
    }

    [Fact]
    public async Task A_create_answer_without_a_session_id_fails_loudly_since_no_lookup_could_ever_follow_it()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl);
        await Simulator.Control.SetFaultsAsync("kiotapay", new FaultSettings());
        (await Simulator.Http.PutAsync(new Uri("/simulator/kiotapay/create-without-id?enabled=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Kiotapay)));

            Assert.Equal((ProviderErrorTypes.InvalidResponse, true), (failure.ErrorType, failure.NonRetryable));
        }
        finally
        {
            (await Simulator.Http.PutAsync(new Uri("/simulator/kiotapay/create-without-id?enabled=false", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }
}
