using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Providers.LakiPay;

public sealed class LakiPayClient : IPaymentProviderClient
{
    private static readonly ProviderCallContext StatusContext = new(PaymentProvider.LakiPay, ProviderOperation.GetStatus);
    private static readonly LakiPayProfile Profile = new();
    private readonly ILakiPayApi api;
    private readonly CallbackUrls callbacks;

    public LakiPayClient(ILakiPayApi api, CallbackUrls callbacks)
    {
        this.api = api;
        this.callbacks = callbacks;
    }

    public PaymentProvider Provider => PaymentProvider.LakiPay;

    public async Task<ProviderSession> CreateSessionAsync(CreateSessionCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        // Amounts carry "two decimal places": INVALID_AMOUNT otherwise.
        var body = new LakiPayCheckoutRequest(
            Amount: Amounts.WithScale(request.Amount.Value, 2),
            Currency: request.Amount.Currency,
            PhoneNumber: PhoneNumberRules.DigitsOnly(request.Customer.Phone!),
            Reference: command.CheckoutId,
            Description: request.Description,
            CallbackUrl: callbacks.ForCheckout(Provider, command.CheckoutId).AbsoluteUri,
            Redirects: new LakiPayRedirects(request.Redirects!.Success.AbsoluteUri, request.Redirects.Failure.AbsoluteUri),
            SupportedMediums: [.. Profile.EffectiveMethods(request).Select(m => Profile.MethodCodes[m])]);

        var context = command.CallContext(IsDuplicateReference);
        var data = await ProviderCall.RunAsync(
            context, async () => Unwrap(await api.CreateCheckoutAsync(body, cancellationToken)), cancellationToken);
        if (data.Id is null || !Uri.TryCreate(data.Url, UriKind.Absolute, out var checkoutUrl))
        {
            throw ProviderFailures.InvalidResponse(context, "the response has no transaction id or checkout URL");
        }

        return new ProviderSession(command.CheckoutId, data.Id, null, checkoutUrl, null, null, LakiPayStatuses.Map.Map(data.Status ?? "INITIATED"));
    }

    public async Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken)
    {
        var transaction = await ProviderCall.RunAsync(
            StatusContext, async () => Unwrap(await api.GetTransactionAsync(session.SessionId!, cancellationToken)), cancellationToken);
        return LakiPayStatuses.Map.Map(transaction.Status, paidAmount: transaction.Amount);
    }

    private static T Unwrap<T>(LakiPayEnvelope<T> envelope)
        where T : class =>
        envelope is { IsSuccess: true, Data: { } data }
            ? data
            // PROVIDER_ERROR "may be transient" per LakiPay's SDK docs; every other code is a refusal.
            : throw new ProviderRejectedException(200, envelope.ErrorCode, envelope.Message, isTransient: envelope.ErrorCode == "PROVIDER_ERROR");

    // [inferred] Duplicate-reference behaviour is undocumented; any error naming a duplicate or reused reference counts.
    private static bool IsDuplicateReference(string? code, string? message) =>
        (code?.Contains("DUPLICATE", StringComparison.OrdinalIgnoreCase) ?? false)
        || (message?.Contains("already", StringComparison.OrdinalIgnoreCase) ?? false);
}
