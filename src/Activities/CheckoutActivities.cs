using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
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
    private readonly ILogger<CheckoutActivities> logger;

    public CheckoutActivities(IEnumerable<IPaymentProviderClient> clients, ILogger<CheckoutActivities> logger)
    {
        this.clients = clients;
        this.logger = logger;
    }

    [Activity(IProviderActivities.CreateSessionType)]
    public async Task<ProviderSession> CreateSessionAsync(CreateSessionInput input)
    {
        var errors = CheckoutValidator.Validate(input.Request);
        if (errors.Count > 0)
        {
            throw new ApplicationFailureException(
                $"The checkout request breaks {input.Request.Provider} rules: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}",
                ProviderErrorTypes.InvalidCheckoutRequest,
                nonRetryable: true,
                details: [errors]);
        }

        var context = ActivityExecutionContext.Current;
        var command = new CreateSessionCommand(input.CheckoutId, input.Request, input.Reference, context.Info.Attempt);
        var session = await ClientFor(input.Request.Provider).CreateSessionAsync(command, context.CancellationToken);
        WarnIfUnrecognised(input.Request.Provider, input.CheckoutId, session.Status);
        return session;
    }

    [Activity("GetStatus")]
    public async Task<ProviderStatus> GetStatusAsync(StatusLookupInput input)
    {
        var status = await ClientFor(input.Provider).GetStatusAsync(input.Session, ActivityExecutionContext.Current.CancellationToken);
        WarnIfUnrecognised(input.Provider, input.CheckoutId, status);
        return status;
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
