using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Refit;

namespace CheckoutOrchestrator.Providers.LakiPay;

public sealed class LakiPayClient : IPaymentProviderClient
{
    /// <summary>[inferred] The error code the SDKs name for an unknown transaction.</summary>
    private const string TransactionNotFound = "TRANSACTION_NOT_FOUND";

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
        var returns = callbacks.ReturnsFor(command.CheckoutId, request.Redirects);
        // Amounts carry "two decimal places": INVALID_AMOUNT otherwise.
        var body = new LakiPayCheckoutRequest(
            Amount: Amounts.WithScale(request.Amount.Value, 2),
            Currency: request.Amount.Currency,
            PhoneNumber: PhoneNumberRules.DigitsOnly(request.Customer.Phone!),
            Reference: command.Reference,
            Description: request.Description,
            CallbackUrl: callbacks.ForCheckout(Provider, command.CheckoutId).AbsoluteUri,
            Redirects: new LakiPayRedirects(returns!.Success.AbsoluteUri, returns.Failure.AbsoluteUri),
            SupportedMediums: [.. Profile.EffectiveMethods(request).Select(m => Profile.MethodCodes[m])]);

        var context = command.CallContext(IsDuplicateReference);
        var data = await ProviderCall.RunAsync(
            context, async () => Unwrap(await api.CreateCheckoutAsync(body, cancellationToken)), cancellationToken);
        if (data.Id is null || !Uri.TryCreate(data.Url, UriKind.Absolute, out var checkoutUrl))
        {
            throw ProviderFailures.InvalidResponse(context, "the response has no transaction id or checkout URL");
        }

        return new ProviderSession(command.Reference, data.Id, null, checkoutUrl, null, null, LakiPayStatuses.Map.Map(data.Status ?? "INITIATED"));
    }

    /// <summary>
    /// A transaction LakiPay gave us that its lookup does not know (404, or TRANSACTION_NOT_FOUND in
    /// its envelope) is missing, never a failed lookup. The answer's reference must be ours.
    /// </summary>
    public async Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken)
    {
        var envelope = await ProviderCall.RunAsync(StatusContext, () => LookUpAsync(session.SessionId!, cancellationToken), cancellationToken);
        if (envelope is null || envelope is { IsSuccess: false, ErrorCode: TransactionNotFound })
        {
            return ProviderStatus.Missing(TransactionNotFound);
        }

        var transaction = await ProviderCall.RunAsync(StatusContext, () => Task.FromResult(Unwrap(envelope)), cancellationToken);
        return LakiPayStatuses.Map.Map(transaction.Status, paidAmount: transaction.Amount) with { Reference = transaction.Reference };
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

    private async Task<LakiPayEnvelope<LakiPayTransaction>?> LookUpAsync(string transactionId, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetTransactionAsync(transactionId, cancellationToken);
        }
        catch (ApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound || (ex.Content?.Contains(TransactionNotFound, StringComparison.Ordinal) ?? false))
        {
            return null;
        }
    }
}
