using System.Globalization;
using System.Net;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;
using Refit;

namespace CheckoutOrchestrator.Providers.Adullam;

public sealed class AdullamClient : IPaymentProviderClient
{
    private static readonly ProviderCallContext StatusContext = new(PaymentProvider.Adullam, ProviderOperation.GetStatus);
    private readonly IAdullamApi api;
    private readonly IOptions<AdullamOptions> options;
    private readonly AdullamEndpoints endpoints;

    public AdullamClient(IAdullamApi api, IOptions<AdullamOptions> options, AdullamEndpoints endpoints)
    {
        this.api = api;
        this.options = options;
        this.endpoints = endpoints;
    }

    public PaymentProvider Provider => PaymentProvider.Adullam;

    /// <summary>Every attempt for one checkout sends the same key, so Adullam replays instead of opening a second session.</summary>
    public async Task<ProviderSession> CreateSessionAsync(CreateSessionCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var body = new AdullamCreateCheckoutRequest(
            Amounts.Whole(request.Amount.Value), "XOF", request.Customer.Phone!, request.Description, request.ExpiresInSeconds);
        var key = command.Reference;

        var context = command.CallContext();
        var session = await ProviderCall.RunAsync(context, () => api.CreateCheckoutAsync(body, key, cancellationToken), cancellationToken);
        if (session.Id is null)
        {
            throw ProviderFailures.InvalidResponse(context, "the response has no session id");
        }

        var amount = Amounts.WholeText(request.Amount.Value);
        var action = new CustomerAction(
            CustomerAction.ApproveOnPhone,
            string.Create(CultureInfo.InvariantCulture, $"Approve the payment request of {amount} XOF on {request.Customer.Phone}."),
            request.Customer.Phone);
        return new ProviderSession(key, session.Id, session.PaymentId, null, action, session.ExpiresAt, AdullamStatuses.Map.Map(session.Status ?? "created"), session.CreatedAt);
    }

    /// <summary>A session the lookup cannot find is reported missing (the checkout goes to review), never as a failure that stops polling.</summary>
    public async Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken)
    {
        var found = await ProviderCall.RunAsync(StatusContext, () => FindAsync(session, cancellationToken), cancellationToken);
        return found is null
            ? ProviderStatus.Missing("not_found")
            : AdullamStatuses.Map.Map(found.Status, found.FailureReason, found.Amount)
                with { AmountDetail = FormattableString.Invariant($"amount {found.Amount}, transaction_fee {found.TransactionFee} (charged to the merchant)") };
    }

    /// <summary>
    /// [inferred] An answer from the undocumented GET that is not a session (a 4xx other than the
    /// token's 401 and the budget's 429, or "not implemented") is no answer: the documented list is asked.
    /// </summary>
    private static bool IsNoReadableSession(HttpStatusCode status) =>
        status is HttpStatusCode.NotImplemented
        || (status is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError and not HttpStatusCode.Unauthorized and not HttpStatusCode.TooManyRequests);

    private async Task<AdullamCheckoutSession?> FindAsync(ProviderSession session, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sessionId = session.SessionId!;
        var useSingleGet = settings.SingleSessionGet == AdullamSingleSessionGet.On
            || (settings.SingleSessionGet == AdullamSingleSessionGet.Auto && !endpoints.SingleGetAbsent);
        if (useSingleGet)
        {
            try
            {
                // [inferred] The GET is a REST guess: its answer counts only when it names this session.
                var single = await api.GetCheckoutAsync(sessionId, cancellationToken);
                if (single?.Id == sessionId)
                {
                    endpoints.SingleGetAnswered();
                    return single;
                }
            }
            catch (ApiException ex) when (IsNoReadableSession(ex.StatusCode))
            {
                // Only a 404 from a GET that has answered before says the session is missing; any other refusal asks the list.
                if (ex.StatusCode == HttpStatusCode.NotFound && (settings.SingleSessionGet == AdullamSingleSessionGet.On || endpoints.SingleGetProven))
                {
                    return null;
                }
            }
        }

        var listed = await AdullamSessionList.FindAsync(
            offset => api.ListCheckoutsAsync(settings.ListPageSize, offset, cancellationToken),
            sessionId,
            session.CreatedAt,
            settings.ListPageSize,
            settings.MaxListPages);
        if (listed is not null && useSingleGet)
        {
            // The list holds a session the single GET did not know: that GET is not Adullam's.
            endpoints.SingleGetMissing();
        }

        return listed;
    }
}
