using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.ServiceDefaults;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>The task queue a provider's calls run on: its own beside the checkouts' when it has a call budget, else none (the checkouts').</summary>
public static class ProviderQueues
{
    public static string? ProviderTaskQueue(this TemporalSettings settings, PaymentProvider provider) =>
        ProviderProfiles.For(provider).TaskQueueBeside(settings.TaskQueue);
}
