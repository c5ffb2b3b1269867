using System.Globalization;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Providers.Chpter;

public sealed class ChpterClient : IPaymentProviderClient
{
    private readonly IChpterApi api;
    private readonly CallbackUrls callbacks;

    public ChpterClient(IChpterApi api, CallbackUrls callbacks)
    {
        this.api = api;
        this.callbacks = callbacks;
    }

    public PaymentProvider Provider => PaymentProvider.Chpter;

    /// <summary>
    /// Chpter's order_id is documented as an integer (examples "123", "945"): ours fits 32 bits and is
    /// derived from the checkout, so every callback's order_id can be checked against it.
    /// </summary>
    public async Task<ProviderSession> CreateSessionAsync(CreateSessionCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var returns = callbacks.ReturnsFor(command.CheckoutId, request.Redirects);
        var orderId = command.Reference;
        var body = new ChpterSessionRequest(
            new ChpterCustomerDetails(request.Customer.Name!, null, PhoneNumberRules.DigitsOnly(request.Customer.Phone!), request.Customer.Email!),
            // [inferred] Whether total includes the fees is undocumented: fees are sent as "0" and total is the charge.
            // The legacy example writes the currency in lower case ("kes").
#pragma warning disable CA1308
            new ChpterAmount(orderId, "0", "0", Amounts.WholeText(request.Amount.Value), request.Amount.Currency.ToLowerInvariant()),
#pragma warning restore CA1308
            new ChpterRedirectUrls(
                returns!.Success.AbsoluteUri,
                returns.Failure.AbsoluteUri,
                callbacks.ForCheckout(Provider, command.CheckoutId).AbsoluteUri));

        var context = command.CallContext();
        var response = await ProviderCall.RunAsync(context, () => api.CreateSessionAsync(body, cancellationToken), cancellationToken);
        if (response.FailedWith() is { } status)
        {
            // Chpter 3.0 answers {"message", "success": false, "status": 400} even on HTTP 200: its status decides.
            throw ProviderFailures.FromStatus(context, status, null, response.Message ?? "session refused");
        }

        if (!Uri.TryCreate(response.CheckoutLink, UriKind.Absolute, out var checkoutUrl))
        {
            throw ProviderFailures.InvalidResponse(context, "the response has no checkout_link");
        }

        // [inferred] The session id is the last path segment of checkout_link.
        return new ProviderSession(orderId, checkoutUrl.Segments[^1], null, checkoutUrl, null, null, new ProviderStatus("created", PaymentStatus.Pending));
    }

    public Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken) =>
        throw new ApplicationFailureException("Chpter has no status lookup.", ProviderErrorTypes.NotSupported, nonRetryable: true);
}
