using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public sealed class KiotapayClient : IPaymentProviderClient
{
    private static readonly ProviderCallContext StatusContext = new(PaymentProvider.Kiotapay, ProviderOperation.GetStatus);
    private static readonly KiotapayProfile Profile = new();
    private readonly IKiotapayCheckoutApi api;
    private readonly CallbackUrls callbacks;

    public KiotapayClient(IKiotapayCheckoutApi api, CallbackUrls callbacks)
    {
        this.api = api;
        this.callbacks = callbacks;
    }

    public PaymentProvider Provider => PaymentProvider.Kiotapay;

    public async Task<ProviderSession> CreateSessionAsync(CreateSessionCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var returns = callbacks.ReturnsFor(command.CheckoutId, request.Redirects);
        var body = new KiotapayCreateSessionRequest(
            Amount: Amounts.WithScale(request.Amount.Value, DecimalPlaces(request)),
            Currency: request.Amount.Currency,
            Description: request.Description,
            SuccessUrl: returns!.Success.AbsoluteUri,
            CancelUrl: returns.CancelOrFailure.AbsoluteUri,
            PaymentMethods: [.. Profile.EffectiveMethods(request).Select(m => Profile.MethodCodes[m])],
            ExternalReference: command.Reference,
            CustomerEmail: request.Customer.Email,
            CustomerPhone: request.Customer.Phone,
            PaymentReference: request.MerchantReference,
            CallbackUrl: callbacks.ForCheckout(Provider, command.CheckoutId).AbsoluteUri);

        var context = command.CallContext();
        var response = await ProviderCall.RunAsync(context, () => api.CreateSessionAsync(body, cancellationToken), cancellationToken);
        var session = response.Session;
        // The lookup needs the session id: a session without one could never be followed, so its URL is never handed out.
        // Not retried (a retry could open a second session): the checkout fails as invalid_response, the session left
        // at Kiotapay was never shown to anyone and expires there.
        if (string.IsNullOrEmpty(session?.Id) || session.CheckoutUrl is null || !Uri.TryCreate(session.CheckoutUrl, UriKind.Absolute, out var checkoutUrl))
        {
            throw ProviderFailures.InvalidResponse(context, "the response has no session id or no checkout URL");
        }

        return new ProviderSession(
            Reference: command.Reference,
            SessionId: session.Id,
            PaymentId: session.CheckoutRef,
            CheckoutUrl: checkoutUrl,
            Action: null,
            ExpiresAt: null,
            Status: KiotapayStatuses.Map.Map(session.Status ?? "PENDING"));
    }

    /// <summary>A session Kiotapay gave us that its lookup does not know (404) is missing, never a failed lookup.</summary>
    public async Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken)
    {
        var details = await ProviderCall.RunAsync(StatusContext, () => ProviderCall.UnlessNotFoundAsync(() => api.GetSessionAsync(session.SessionId!, cancellationToken)), cancellationToken);
        return details is null
            ? ProviderStatus.Missing("404")
            : KiotapayStatuses.Map.Map(details.Status, paidAmount: details.Amount) with { Reference = details.ExternalRef };
    }

    // Card-only checkouts may carry cents; anything with M-Pesa was validated as whole shillings.
    private static int DecimalPlaces(CheckoutRequest request) =>
        Profile.EffectiveMethods(request).Contains(PaymentMethod.MPesa) ? 0 : 2;
}
