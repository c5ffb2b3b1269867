using CheckoutOrchestrator.Activities.Routing;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;
using CheckoutOrchestrator.Validation;
using CheckoutOrchestrator.Workflows.Contracts;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Activities;

/// <summary>Everything a checkout workflow asks of a provider: open a session, and ask where it stands.</summary>
public sealed class CheckoutActivities : IProviderActivities
{
    private readonly IEnumerable<IPaymentProviderClient> clients;
    private readonly ProviderHealth health;
    private readonly ILogger<CheckoutActivities> logger;

    public CheckoutActivities(IEnumerable<IPaymentProviderClient> clients, ProviderHealth health, ILogger<CheckoutActivities> logger)
    {
        this.clients = clients;
        this.health = health;
        this.logger = logger;
    }

    /// <summary>
    /// Whether a failed create proves that no session exists a customer could pay: the request was
    /// refused or never sent; or the provider gave no answer but a session whose URL nobody saw
    /// cannot be paid (every provider but one that prompts the customer on create).
    /// </summary>
    public static bool ProvesNoSession(string? errorType, CreateRetrySafety safety) => errorType switch
    {
        ProviderErrorTypes.InvalidCheckoutRequest or ProviderErrorTypes.Rejected or ProviderErrorTypes.Unreachable
            or ProviderErrorTypes.NotConfigured or ProviderErrorTypes.AuthenticationFailed => true,
        ProviderErrorTypes.Unavailable or ProviderErrorTypes.Timeout => safety != CreateRetrySafety.None,

        // Throttled: backed off on the same provider (the retry waits out its Retry-After), never moved elsewhere.
        ProviderErrorTypes.RateLimited => false,
        _ => false,
    };

    [Activity(IProviderActivities.CreateSessionType)]
    public async Task<ProviderSession> CreateSessionAsync(CreateSessionInput input)
    {
        if (input.Alternatives is not { Count: > 0 } alternatives)
        {
            return await CreateAtAsync(input.CheckoutId, input.Request, input.Reference);
        }

        // A checkout that named no provider: the first choice, then each alternative, but only past a
        // provider whose failure proves no session exists that a customer could pay.
        var routes = new List<(CheckoutRequest Request, string Reference, CreateRetrySafety Safety)> { (input.Request, input.Reference, ProviderProfiles.For(input.Request.Provider).Capabilities.CreateRetry) };
        routes.AddRange(alternatives.Select(r => (input.Request with { Provider = r.Provider }, r.Reference, r.Capabilities.CreateRetry)));
        var passedOver = new List<string>();
        for (var i = 0; i < routes.Count; i++)
        {
            var (request, reference, safety) = routes[i];
            var last = i == routes.Count - 1;
            if (!last && !health.IsUp(request.Provider))
            {
                passedOver.Add($"{request.Provider.ToSlug()}: skipped, it has been failing to answer (nothing was sent)");
                continue;
            }

            try
            {
                var session = await CreateAtAsync(input.CheckoutId, request, reference);
                return i == 0 ? session : session with { Provider = request.Provider, PassedOver = passedOver };
            }
            catch (ApplicationFailureException failure) when (!last && ProvesNoSession(failure.ErrorType, safety))
            {
                logger.LogWarning("Checkout {CheckoutId} fails over from {Provider}: {Reason}", input.CheckoutId, request.Provider, failure.Message);
                passedOver.Add($"{request.Provider.ToSlug()}: {failure.Message}");
            }
        }

        throw new InvalidOperationException("Unreachable: the last route either opens a session or throws.");
    }

    [Activity("GetStatus")]
    public async Task<ProviderStatus> GetStatusAsync(StatusLookupInput input)
    {
        // Not counted towards the provider's health: a hint can buy a lookup, and outsiders must not move routing.
        var status = await ClientFor(input.Provider).GetStatusAsync(input.Session, ActivityExecutionContext.Current.CancellationToken);
        WarnIfUnrecognised(input.Provider, input.CheckoutId, status);
        return status;
    }

    private async Task<ProviderSession> CreateAtAsync(string checkoutId, CheckoutRequest asked, string reference)
    {
        var request = ProviderRouter.RequestFor(asked, asked.Provider);
        var errors = CheckoutValidator.Validate(request);
        if (errors.Count > 0)
        {
            throw new ApplicationFailureException(
                $"The checkout request breaks {request.Provider} rules: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}",
                ProviderErrorTypes.InvalidCheckoutRequest,
                nonRetryable: true,
                details: [errors]);
        }

        var context = ActivityExecutionContext.Current;
        var command = new CreateSessionCommand(checkoutId, request, reference, context.Info.Attempt);
        var session = await TrackAsync(request.Provider, () => ClientFor(request.Provider).CreateSessionAsync(command, context.CancellationToken));
        WarnIfUnrecognised(request.Provider, checkoutId, session.Status);
        return session;
    }

    private async Task<T> TrackAsync<T>(PaymentProvider provider, Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            health.Record(provider, answered: true);
            return result;
        }
        catch (ApplicationFailureException failure) when (ProviderHealth.IsUnanswered(failure.ErrorType))
        {
            health.Record(provider, answered: false);
            throw;
        }
    }

    private IPaymentProviderClient ClientFor(PaymentProvider provider) =>
        clients.FirstOrDefault(c => c.Provider == provider)
        ?? throw new ApplicationFailureException($"{provider} is not configured on this worker.", ProviderErrorTypes.NotConfigured, nonRetryable: true);

    private void WarnIfUnrecognised(PaymentProvider provider, string checkoutId, ProviderStatus status)
    {
        if (status.Status is null)
        {
            logger.LogWarning(
                "{Provider} reported unrecognised status {RawStatus} for checkout {CheckoutId}; the checkout keeps its current status",
                provider,
                status.Raw,
                checkoutId);
        }
    }
}
