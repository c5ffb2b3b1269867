using CheckoutOrchestrator.Merchants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckoutOrchestrator.Notifications;

public static class NotificationRegistration
{
    /// <summary>
    /// What delivering merchant events needs: the merchants' URLs and secrets, and two HTTP clients
    /// that never follow redirects: one that connects only to public addresses, and one for the
    /// internal endpoints the operator allows by name.
    /// </summary>
    public static IServiceCollection AddMerchantNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMerchants(configuration, signsEvents: true);
        services.AddHttpClient(MerchantNotificationActivities.PublicClient, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = PublicAddresses.ConnectAsync });
        services.AddHttpClient(MerchantNotificationActivities.AllowedPrivateClient, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
