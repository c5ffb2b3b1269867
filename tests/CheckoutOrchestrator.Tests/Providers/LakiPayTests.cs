using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.LakiPay;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

public sealed class LakiPayTests : ProviderTestBase
{
    private const string DocumentedCallback =
        """{"event":"DEPOSIT","transaction_id":"TXN-123456789","reference":"ORDER-12345","amount":100.00,"currency":"ETB","status":"SUCCESS","medium":"MPESA","timestamp":"2024-01-15T10:30:00Z","signature":"base64-encoded-signature"}""";

    public LakiPayTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task Create_sends_two_decimal_amount_and_digits_only_phone_and_keeps_the_transaction_id()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay));

        Assert.StartsWith(Simulator.ProviderUrl("lakipay/pay/TXN-").AbsoluteUri, session.CheckoutUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("TXN-", session.SessionId, StringComparison.Ordinal);
        Assert.Equal(new ProviderStatus("INITIATED", PaymentStatus.Pending), session.Status);
        var stored = await SimulatedSessionAsync("lakipay", s => s.GetProperty("reference").GetString() == checkoutId);
        Assert.Equal(1000.50m, stored.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Status_lookup_follows_the_transaction_through_payment()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay));

        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "TELEBIRR");

        Assert.Equal(new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m), await Host.StatusAsync(checkoutId, PaymentProvider.LakiPay, session));
    }

    [Fact]
    public async Task A_signed_deposit_callback_is_authoritative()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay));

        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "MPESA");
        var callbacks = await Sink.WaitForAsync(c => c.CheckoutId == checkoutId, count: 2);

        var events = callbacks.Select(c => Host.Read(c, PaymentProvider.LakiPay)).Select(v => v.Event!).ToList();
        Assert.All(events, e => Assert.True(e.IsAuthoritative));
        Assert.All(events, e => Assert.Equal(checkoutId, e.ProviderReference));
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Succeeded], events.Select(e => e.Status!.Status));
        Assert.Equal(1000.50m, events[1].Status!.PaidAmount);
    }

    [Fact]
    public async Task A_tampered_callback_is_refused()
    {
        var callback = await PaidCallbackAsync();
        var tampered = callback with { RawBody = callback.RawBody.Replace("\"amount\":1000.50", "\"amount\":1.00", StringComparison.Ordinal) };

        Assert.NotEqual(callback.RawBody, tampered.RawBody);
        Assert.Equal(CallbackVerdictKind.Accepted, Host.Read(callback, PaymentProvider.LakiPay).Kind);
        Assert.Equal(CallbackVerdictKind.Unauthenticated, Host.Read(tampered, PaymentProvider.LakiPay).Kind);
    }

    [Fact]
    public async Task A_callback_signed_with_another_key_or_unsigned_is_refused()
    {
        var callback = await PaidCallbackAsync();
        var payload = JsonNode.Parse(callback.RawBody)!.AsObject();
        using var otherKey = RSA.Create(2048);
        payload["signature"] = LakiPaySignature.Sign(JsonDocument.Parse(callback.RawBody).RootElement, otherKey);
        var wrongKey = callback with { RawBody = payload.ToJsonString() };
        payload.Remove("signature");
        var unsigned = callback with { RawBody = payload.ToJsonString() };

        Assert.Equal(CallbackVerdictKind.Unauthenticated, Host.Read(wrongKey, PaymentProvider.LakiPay).Kind);
        Assert.Equal(CallbackVerdictKind.Unauthenticated, Host.Read(unsigned, PaymentProvider.LakiPay).Kind);
    }

    [Fact]
    public async Task Without_a_configured_public_key_every_callback_is_refused()
    {
        var callback = await PaidCallbackAsync();
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:LakiPay:WebhookPublicKeyPem"] = null);

        Assert.Equal(CallbackVerdictKind.Unauthenticated, host.Read(callback, PaymentProvider.LakiPay).Kind);
    }

    [Fact]
    public void The_canonical_string_of_the_documented_callback_keeps_the_literal_amount()
    {
        var canonical = LakiPaySignature.CanonicalString(JsonDocument.Parse(DocumentedCallback).RootElement);

        Assert.Equal(
            "amount=100.00&currency=ETB&event=DEPOSIT&medium=MPESA&reference=ORDER-12345&status=SUCCESS&timestamp=2024-01-15T10:30:00Z&transaction_id=TXN-123456789",
            canonical);
    }

    [Fact]
    public void A_signature_over_two_decimal_amounts_verifies_when_the_body_writes_fewer_decimals()
    {
        using var key = RSA.Create(2048);
        var asSigned = JsonDocument.Parse(DocumentedCallback).RootElement;
        var payload = JsonNode.Parse(DocumentedCallback.Replace("100.00", "100.0", StringComparison.Ordinal))!.AsObject();
        payload["signature"] = LakiPaySignature.Sign(asSigned, key);

        Assert.True(LakiPaySignature.IsValid(JsonDocument.Parse(payload.ToJsonString()).RootElement, key));
    }

    [Fact]
    public async Task A_reference_already_used_is_refused_without_retry_even_on_http_200()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay));

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay)));

        Assert.Equal(ProviderErrorTypes.Rejected, failure.ErrorType);
        Assert.True(failure.NonRetryable);
        Assert.Contains("DUPLICATE_REFERENCE", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_retried_and_never_opens_a_second_session()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        await Simulator.Control.SetFaultsAsync("lakipay", new FaultSettings { FailNext = 1, FailStatus = 502, AfterProcessing = true, PathContains = "checkout" });

        var first = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay)));
        var retry = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay), attempt: 2));

        Assert.Equal((ProviderErrorTypes.Unavailable, false), (first.ErrorType, first.NonRetryable));
        Assert.Equal((ProviderErrorTypes.CreateOutcomeUnknown, true), (retry.ErrorType, retry.NonRetryable));
        var sessions = await Simulator.Http.GetFromJsonAsync<JsonElement>("/simulator/lakipay/sessions");
        Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("reference").GetString() == checkoutId);
    }

    [Fact]
    public async Task A_wrong_api_key_is_an_authentication_failure_carrying_lakipays_code()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:LakiPay:SecretKey"] = "sk_wrong");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.LakiPay)));

        Assert.Equal(ProviderErrorTypes.AuthenticationFailed, failure.ErrorType);
        Assert.Contains("INVALID_API_KEY", failure.Message, StringComparison.Ordinal);
    }

    private async Task<ReceivedCallback> PaidCallbackAsync()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay));
        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "CBE");
        return (await Sink.WaitForAsync(c => c.CheckoutId == checkoutId && c.RawBody.Contains("\"SUCCESS\"", StringComparison.Ordinal)))[0];
    }
}
