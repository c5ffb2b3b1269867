using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.Options;
using Temporalio.Extensions.Hosting;
using Temporalio.Worker;

namespace CheckoutOrchestrator.Worker;

public static class CheckoutWorker
{
    /// <summary>
    /// The checkout worker: the workflows, the provider activities with their Refit clients and
    /// validated options, and merchant event delivery, on the checkouts' task queue; and the calls
    /// of each provider with a request budget (Adullam) on queues of their own, one per lane (creates,
    /// lookups, lookups bought by hints), where the Temporal server holds each lane's share of the
    /// limit for every worker at once. A scope per activity keeps each call's services apart.
    /// </summary>
    public static IServiceCollection AddCheckoutWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckoutTemporalClient(configuration);
        services.AddPaymentProviderClients(configuration);
        services.AddMerchantNotifications(configuration);
        services.AddOptions<WorkerTuning>()
            .Bind(configuration.GetSection(WorkerTuning.Section))
            .ValidateDataAnnotations()
            .Validate(
                t => t.ProviderCallsPerSecond.All(p => PaymentProviderSlugs.TryParse(p.Key, out _) && p.Value is > 0 and <= 1000),
                "Worker:ProviderCallsPerSecond takes provider slugs (e.g. adullam) and rates above 0, at most 1000.")
            .ValidateOnStart();

        var queues = TemporalSettings.From(configuration);
        services.AddHostedTemporalWorker(queues.TaskQueue)
            .AddScopedActivities<CheckoutActivities>()
            .AddScopedActivities<MerchantNotificationActivities>()
            .AddWorkflow<CheckoutWorkflow>()
            .AddWorkflow<CheckoutReconciliationWorkflow>()
            .AddWorkflow<MerchantEventRedeliveryWorkflow>()
            .ConfigureOptions()
            .Configure<IOptions<WorkerTuning>>((worker, tuning) => Tune(worker, tuning.Value));
        foreach (var profile in ProviderProfiles.All.Where(p => p.CallBudget is not null))
        {
            foreach (var lane in Enum.GetValues<ProviderLane>())
            {
                services.AddHostedTemporalWorker(CallBudget.LaneQueue(profile.TaskQueueBeside(queues.TaskQueue)!, lane))
                    .AddScopedActivities<CheckoutActivities>()
                    .ConfigureOptions()
                    .Configure<IOptions<WorkerTuning>>((worker, tuning) =>
                    {
                        Tune(worker, tuning.Value);
                        worker.MaxTaskQueueActivitiesPerSecond = tuning.Value.CallsPerSecondFor(profile) * CallBudget.ShareOf(lane);
                    });
            }
        }

        return services;
    }

    private static void Tune(TemporalWorkerOptions worker, WorkerTuning tuning)
    {
        worker.MaxConcurrentActivities = tuning.MaxConcurrentActivities;
        worker.MaxConcurrentWorkflowTasks = tuning.MaxConcurrentWorkflowTasks;
        worker.MaxCachedWorkflows = tuning.MaxCachedWorkflows;
        worker.GracefulShutdownTimeout = tuning.GracefulShutdownTimeout;
    }
}
