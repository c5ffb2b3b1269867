using CheckoutOrchestrator.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Merchants;

public static class MerchantRegistration
{
    /// <summary>The merchants of section "Merchants", validated at start-up; their event-signing secrets only where <paramref name="signsEvents"/>.</summary>
    public static IServiceCollection AddMerchants(this IServiceCollection services, IConfiguration configuration, bool signsEvents)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddOptions<MerchantAccounts>().Bind(configuration.GetSection(MerchantAccounts.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MerchantAccounts>, MerchantAccountsValidation>(
            provider => new MerchantAccountsValidation(provider.GetRequiredService<IOptions<NotificationOptions>>(), signsEvents)));
        services.TryAddSingleton<MerchantDirectory>();
        return services;
    }
}
