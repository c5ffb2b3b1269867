using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Extensions.Hosting;

namespace CheckoutOrchestrator.Worker;

public static class CheckoutWorker
{
    /// <summary>
    /// The checkout worker: the workflow, and the provider activities with their Refit clients and
    /// validated options. A scope per activity keeps each call's services apart.
    /// </summary>
    public static IServiceCollection AddCheckoutWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckoutTemporalClient(configuration);
        services.AddPaymentProviderClients(configuration);
        services.AddHostedTemporalWorker(TemporalSettings.From(configuration).TaskQueue)
            .AddScopedActivities<CheckoutActivities>()
            .AddWorkflow<CheckoutWorkflow>();
        return services;
    }
}
