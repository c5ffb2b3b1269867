using CheckoutOrchestrator.Merchants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckoutOrchestrator.Notifications;

public static class NotificationRegistration
{
    /// <summary>What delivering merchant events needs: the merchants' URLs and secrets, and an HTTP client that never follows redirects.</summary>
    public static IServiceCollection AddMerchantNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMerchants(configuration);
        services.AddHttpClient(MerchantNotificationActivities.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
