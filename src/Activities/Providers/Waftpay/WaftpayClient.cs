using System.Globalization;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Microsoft.Extensions.Options;
using Refit;

namespace CheckoutOrchestrator.Providers.Waftpay;

public sealed class WaftpayClient : IPaymentProviderClient
{
    private static readonly ProviderCallContext StatusContext = new(PaymentProvider.Waftpay, ProviderOperation.GetStatus);
    private readonly IWaftpayCheckoutApi api;
    private readonly CallbackUrls callbacks;
    private readonly TimeProvider time;
    private readonly TimeZoneInfo expiryZone;

    public WaftpayClient(IWaftpayCheckoutApi api, CallbackUrls callbacks, TimeProvider time, IOptions<WaftpayOptions> options)
    {
        this.api = api;
        this.callbacks = callbacks;
        this.time = time;
        expiryZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.ExpiryTimeZone);
    }

    public PaymentProvider Provider => PaymentProvider.Waftpay;

    public async Task<ProviderSession> CreateSessionAsync(CreateSessionCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var returns = callbacks.ReturnsFor(command.CheckoutId, request.Redirects);
        var now = time.GetUtcNow();
        var phone = PhoneNumberRules.DigitsOnly(request.Customer.Phone!);
        var names = request.Customer.Name!.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var expiry = TimeZoneInfo.ConvertTime(now.AddSeconds(request.ExpiresInSeconds), expiryZone);
        var body = new WaftpayCheckoutRequest(
            Customer: new WaftpayCustomer(names[0], names.ElementAtOrDefault(1), request.Customer.Email, phone),
            Timestamp: now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            CheckoutReference: command.Reference,
            PaymentReference: request.MerchantReference,
            Msisdn: phone,
            Country: "KEN",
            Currency: request.Amount.Currency,
            Amount: Amounts.Whole(request.Amount.Value),
            Mode: "redirect",
            CallbackUrl: callbacks.ForCheckout(Provider, command.CheckoutId).AbsoluteUri,
            SuccessRedirectUrl: returns!.Success.AbsoluteUri,
            FailRedirectUrl: returns.Failure.AbsoluteUri,
            MetaData: new Dictionary<string, string> { ["checkout_id"] = command.CheckoutId, ["merchant_id"] = request.MerchantId },
            ExtraParams: new WaftpayExtraParams("en", expiry.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), StrictAmount: true));

        var context = command.CallContext(IsDuplicateReference);
        var response = await ProviderCall.RunAsync(context, () => api.CreateCheckoutAsync(body, cancellationToken), cancellationToken);
        if (WaftpayStatuses.RefusalOf(response.Status) is { } refusal)
        {
            throw ProviderFailures.FromStatus(context, refusal, response.Code?.ToString(), response.Description);
        }

        if (!Uri.TryCreate(response.Data?.CheckoutUrl, UriKind.Absolute, out var checkoutUrl))
        {
            throw ProviderFailures.InvalidResponse(context, "the response has no checkout URL");
        }

        // Waftpay returns no session id: our checkout_reference is the only handle.
        return new ProviderSession(command.Reference, null, null, checkoutUrl, null, response.Data!.ExpiresAt, WaftpayStatuses.Callback.Map("CREATED"));
    }

    /// <summary>
    /// The status query takes exactly one of transaction_reference, payment_uuid or request_uuid, and
    /// a checkout's page lets the customer try again after a failed attempt, each attempt a payment
    /// of its own. So it asks about the checkout (our checkout_reference as transaction_reference:
    /// [inferred] the documents do not say the query knows it) and, once an authenticated callback
    /// named one, about the newest payment_uuid (which it surely knows); see <see cref="WaftpayAnswers"/>.
    /// </summary>
    public async Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken)
    {
        var byReference = await AskAsync(new(TransactionReference: session.Reference), cancellationToken);
        var byPayment = session.PaymentId is { } paymentUuid ? await AskAsync(new(PaymentUuid: paymentUuid), cancellationToken) : null;
        return WaftpayAnswers.Combine(session.Reference, byReference, byPayment) ?? ProviderStatus.Missing(WaftpayStatuses.NotFound);
    }

    // [inferred] Duplicate checkout_reference behaviour is undocumented.
    private static bool IsDuplicateReference(string? code, string? message) =>
        (message?.Contains("already", StringComparison.OrdinalIgnoreCase) ?? false)
        || (message?.Contains("duplicate", StringComparison.OrdinalIgnoreCase) ?? false);

    private async Task<ProviderStatus?> AskAsync(WaftpayQueryRequest query, CancellationToken cancellationToken) =>
        await ProviderCall.RunAsync(StatusContext, () => QueryAsync(query, cancellationToken), cancellationToken) is { IsNotFound: false } found
            ? found.Read()
            : null;

    private async Task<WaftpayQueryResponse?> QueryAsync(WaftpayQueryRequest query, CancellationToken cancellationToken)
    {
        try
        {
            return await api.QueryPaymentAsync(query, cancellationToken);
        }
        catch (ApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
