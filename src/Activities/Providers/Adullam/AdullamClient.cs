using System.Globalization;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Adullam;

public sealed class AdullamClient : IPaymentProviderClient
{
    public const string IdempotencyPurpose = "adullam-idempotency-key";

    private static readonly ProviderCallContext StatusContext = new(PaymentProvider.Adullam, ProviderOperation.GetStatus);
    private readonly IAdullamApi api;
    private readonly IOptions<AdullamOptions> options;

    public AdullamClient(IAdullamApi api, IOptions<AdullamOptions> options)
    {
        this.api = api;
        this.options = options;
    }

    public PaymentProvider Provider => PaymentProvider.Adullam;

    /// <summary>Every attempt for one checkout sends the same key, so Adullam replays instead of opening a second session.</summary>
    public static string IdempotencyKeyFor(string checkoutId) => CheckoutIds.StableGuid(checkoutId, IdempotencyPurpose).ToString("D");

    public async Task<ProviderSession> CreateSessionAsync(CreateSessionCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var body = new AdullamCreateCheckoutRequest(
            Amounts.Whole(request.Amount.Value), "XOF", request.Customer.Phone!, request.Description, request.ExpiresInSeconds);
        var key = IdempotencyKeyFor(command.CheckoutId);

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
        return new ProviderSession(key, session.Id, session.PaymentId, null, action, session.ExpiresAt, AdullamStatuses.Map.Map(session.Status ?? "created"));
    }

    public async Task<ProviderStatus> GetStatusAsync(ProviderSession session, CancellationToken cancellationToken)
    {
        var found = await ProviderCall.RunAsync(StatusContext, () => FindAsync(session.SessionId!, cancellationToken), cancellationToken);
        if (found is null)
        {
            throw ProviderFailures.Rejected(StatusContext, null, "session_not_listed", $"session {session.SessionId} is not in the first {options.Value.MaxListPages} pages");
        }

        return AdullamStatuses.Map.Map(found.Status, found.FailureReason, found.Amount);
    }

    private async Task<AdullamCheckoutSession?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.UseSingleSessionGet)
        {
            return await api.GetCheckoutAsync(sessionId, cancellationToken);
        }

        var offset = 0;
        for (var page = 0; page < settings.MaxListPages; page++)
        {
            var result = await api.ListCheckoutsAsync(settings.ListPageSize, offset, cancellationToken);
            if (result.Sessions?.FirstOrDefault(s => s.Id == sessionId) is { } match)
            {
                return match;
            }

            if (result.HasMore != true || result.NextOffset is not { } next)
            {
                break;
            }

            offset = next;
        }

        return null;
    }
}
