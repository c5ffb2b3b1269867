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

        Assert.Equal(new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m, Reference: session.Reference), await Host.StatusAsync(checkoutId, PaymentProvider.LakiPay, session));
    }

    [Fact]
    public async Task A_signed_deposit_callback_is_authoritative()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay));

        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "MPESA");
        var callbacks = await Sink.WaitForAsync(c => c.CheckoutId == checkoutId, count: 2);

        var events = callbacks.Select(c => Host.Read(c, PaymentProvider.LakiPay)).Select(v => v.Event!).ToList();
        Assert.All(events, e => Assert.Equal(CallbackEvidence.Signature, e.Evidence));
        Assert.All(events, e => Assert.Equal(checkoutId, e.ProviderReference));
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Succeeded], events.Select(e => e.Status!.Status));
        Assert.Equal(1000.50m, events[1].Status!.PaidAmount);
    }

    [Fact]
    public async Task A_tampered_callback_on_its_tokened_url_only_triggers_a_status_lookup()
    {
        var callback = await PaidCallbackAsync();
        var tampered = callback with { RawBody = callback.RawBody.Replace("\"amount\":1000.50", "\"amount\":1.00", StringComparison.Ordinal) };

        Assert.NotEqual(callback.RawBody, tampered.RawBody);
        Assert.Equal(CallbackEvidence.Signature, Host.Read(callback, PaymentProvider.LakiPay).Event!.Evidence);
        var verdict = Host.Read(tampered, PaymentProvider.LakiPay);
        Assert.Equal((CallbackVerdictKind.Accepted, CallbackEvidence.Token), (verdict.Kind, verdict.Event!.Evidence));
    }

    [Fact]
    public async Task A_callback_signed_with_another_key_or_unsigned_only_triggers_a_status_lookup()
    {
        var callback = await PaidCallbackAsync();
        var payload = JsonNode.Parse(callback.RawBody)!.AsObject();
        using var otherKey = RSA.Create(2048);
        payload["signature"] = Sign(JsonDocument.Parse(callback.RawBody).RootElement, otherKey, LakiPaySignature.Renderings[0]);
        var wrongKey = callback with { RawBody = payload.ToJsonString() };
        payload.Remove("signature");
        var unsigned = callback with { RawBody = payload.ToJsonString() };

        Assert.Equal(CallbackEvidence.Token, Host.Read(wrongKey, PaymentProvider.LakiPay).Event!.Evidence);
        Assert.Equal(CallbackEvidence.Token, Host.Read(unsigned, PaymentProvider.LakiPay).Event!.Evidence);
    }

    [Fact]
    public async Task A_callback_whose_token_is_wrong_is_a_security_event_found_only_by_its_own_ids()
    {
        var callback = await PaidCallbackAsync();

        var verdict = Host.Read(callback with { Token = "forged" }, PaymentProvider.LakiPay);

        // Still LakiPay's signed word, about the checkout its own reference names, never the one the URL named.
        Assert.Equal((CallbackVerdictKind.Accepted, null, CallbackEvidence.Signature), (verdict.Kind, verdict.CheckoutId, verdict.Event!.Evidence));
        Assert.Contains(callback.CheckoutId!, verdict.SessionKeys);
        Assert.NotNull(verdict.Suspicion);
    }

    [Fact]
    public async Task Without_a_configured_public_key_a_callback_only_triggers_a_status_lookup()
    {
        var callback = await PaidCallbackAsync();
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:LakiPay:WebhookPublicKeyPem"] = null);

        Assert.Equal(CallbackEvidence.Token, host.Read(callback, PaymentProvider.LakiPay).Event!.Evidence);
    }

    [Fact]
    public void The_documented_example_yields_the_webhook_guides_canonical_string_without_medium()
    {
        var payload = JsonDocument.Parse(DocumentedCallback).RootElement;

        Assert.Equal(
            "amount=100.00&currency=ETB&event=DEPOSIT&reference=ORDER-12345&status=SUCCESS&timestamp=2024-01-15T10:30:00Z&transaction_id=TXN-123456789",
            LakiPaySignature.CanonicalString(payload, new LakiPayRendering(IncludeMedium: false, LakiPayNumberStyle.Literal)));
        Assert.StartsWith("amount=100&", LakiPaySignature.CanonicalString(payload, new LakiPayRendering(true, LakiPayNumberStyle.JavaScript)), StringComparison.Ordinal);
        Assert.StartsWith("amount=100.0&", LakiPaySignature.CanonicalString(payload, new LakiPayRendering(true, LakiPayNumberStyle.Python)), StringComparison.Ordinal);
        Assert.Contains("&medium=MPESA&", LakiPaySignature.CanonicalString(payload, new LakiPayRendering(true, LakiPayNumberStyle.Literal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, LakiPayNumberStyle.Literal)]
    [InlineData(false, LakiPayNumberStyle.Literal)]
    [InlineData(true, LakiPayNumberStyle.JavaScript)]
    [InlineData(false, LakiPayNumberStyle.JavaScript)]
    [InlineData(true, LakiPayNumberStyle.Python)]
    [InlineData(false, LakiPayNumberStyle.Python)]
    [InlineData(true, LakiPayNumberStyle.TwoDecimals)]
    [InlineData(false, LakiPayNumberStyle.TwoDecimals)]
    public void The_documented_example_signed_in_each_documented_rendering_verifies(bool includeMedium, LakiPayNumberStyle numbers)
    {
        using var key = RSA.Create(2048);
        var payload = JsonNode.Parse(DocumentedCallback)!.AsObject();
        payload["signature"] = Sign(JsonDocument.Parse(DocumentedCallback).RootElement, key, new LakiPayRendering(includeMedium, numbers));

        Assert.True(LakiPaySignature.IsValid(JsonDocument.Parse(payload.ToJsonString()).RootElement, key));
    }

    [Fact]
    public void A_signature_over_other_content_verifies_in_no_rendering()
    {
        using var key = RSA.Create(2048);
        var payload = JsonNode.Parse(DocumentedCallback)!.AsObject();
        payload["signature"] = Sign(JsonDocument.Parse(DocumentedCallback.Replace("ORDER-12345", "ORDER-99999", StringComparison.Ordinal)).RootElement, key, LakiPaySignature.Renderings[1]);

        Assert.False(LakiPaySignature.IsValid(JsonDocument.Parse(payload.ToJsonString()).RootElement, key));
    }

    [Theory]
    [InlineData(true, "literal")]
    [InlineData(false, "literal")]
    [InlineData(true, "javascript")]
    [InlineData(false, "python")]
    [InlineData(false, "twodecimals")]
    public async Task Callbacks_the_simulator_signs_in_each_rendering_are_authoritative(bool includeMedium, string numbers)
    {
        (await Simulator.Http.PutAsJsonAsync("/simulator/lakipay/signing", new { includeMedium, numbers })).EnsureSuccessStatusCode();
        try
        {
            var callback = await PaidCallbackAsync();

            Assert.True(Host.Read(callback, PaymentProvider.LakiPay).Event!.Evidence == CallbackEvidence.Signature, callback.RawBody);
        }
        finally
        {
            (await Simulator.Http.PutAsJsonAsync("/simulator/lakipay/signing", new { includeMedium = true, numbers = "literal" })).EnsureSuccessStatusCode();
        }
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
    public async Task A_create_whose_answer_was_lost_is_retried_under_a_reference_of_its_own_and_opens_the_checkout()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        await Simulator.Control.SetFaultsAsync("lakipay", new FaultSettings { FailNext = 1, FailStatus = 502, AfterProcessing = true, PathContains = "checkout" });

        var first = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay)));
        var retried = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay), attempt: 2);

        // LakiPay refuses a reference twice; the first session's URL was lost with its answer, so nobody can pay it.
        Assert.Equal((ProviderErrorTypes.Unavailable, false), (first.ErrorType, first.NonRetryable));
        Assert.Equal($"{checkoutId}-2", retried.Reference);
        Assert.NotNull(retried.CheckoutUrl);
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

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("None")]
    public async Task A_callback_with_a_null_field_verifies_however_the_sdk_of_the_day_wrote_null(string nullAs)
    {
        (await Simulator.Http.PutAsJsonAsync("/simulator/lakipay/signing", new { includeMedium = true, numbers = nullAs == "None" ? "python" : nullAs == "null" ? "javascript" : "literal", nullFieldAs = nullAs })).EnsureSuccessStatusCode();
        try
        {
            var callback = await PaidCallbackAsync();

            Assert.Contains("\"description\":null", callback.RawBody, StringComparison.Ordinal);
            Assert.Equal(CallbackEvidence.Signature, Host.Read(callback, PaymentProvider.LakiPay).Event!.Evidence);
        }
        finally
        {
            (await Simulator.Http.PutAsJsonAsync("/simulator/lakipay/signing", new { includeMedium = true, numbers = "literal" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_callback_url_signed_before_a_key_rotation_still_verifies_after_it()
    {
        var callback = await PaidCallbackAsync();
        await using var rotated = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s =>
        {
            s["Callbacks:SigningKeys:0"] = "the-next-callback-signing-key-0123456789abcdef";
            s["Callbacks:SigningKeys:1"] = ProviderTestHost.SigningKey;
        });
        await using var forgotten = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Callbacks:SigningKeys:0"] = "the-next-callback-signing-key-0123456789abcdef");

        Assert.Equal(callback.CheckoutId, rotated.Read(callback, PaymentProvider.LakiPay).CheckoutId);
        Assert.Null(forgotten.Read(callback, PaymentProvider.LakiPay).CheckoutId);
        Assert.NotEqual(rotated.CallbackUrls.ForCheckout(PaymentProvider.LakiPay, callback.CheckoutId!), Host.CallbackUrls.ForCheckout(PaymentProvider.LakiPay, callback.CheckoutId!));
    }

    /// <summary>Signs a payload the way LakiPay would under one rendering (a test's stand-in for LakiPay's private key).</summary>
    private static string Sign(JsonElement payload, RSA key, LakiPayRendering rendering) =>
        Convert.ToBase64String(key.SignData(
            System.Text.Encoding.UTF8.GetBytes(LakiPaySignature.CanonicalString(payload, rendering)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private async Task<ReceivedCallback> PaidCallbackAsync()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.LakiPay));
        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "CBE");
        return (await Sink.WaitForAsync(c => c.CheckoutId == checkoutId && c.RawBody.Contains("\"SUCCESS\"", StringComparison.Ordinal)))[0];
    }
}
