using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Extensions.Hosting;

namespace CheckoutOrchestrator.Worker;

public static class CheckoutWorker
{
    /// <summary>
    /// The checkout worker: the workflow, the provider activities with their Refit clients and
    /// validated options, and merchant event delivery. A scope per activity keeps each call's
    /// services apart.
    /// </summary>
    public static IServiceCollection AddCheckoutWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckoutTemporalClient(configuration);
        services.AddPaymentProviderClients(configuration);
        services.AddMerchantNotifications(configuration);
        services.AddHostedTemporalWorker(TemporalSettings.From(configuration).TaskQueue)
            .AddScopedActivities<CheckoutActivities>()
            .AddScopedActivities<MerchantNotificationActivities>()
            .AddWorkflow<CheckoutWorkflow>()
            .AddWorkflow<CheckoutReconciliationWorkflow>();
        return services;
    }
}
