using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Extensions.Hosting;

namespace CheckoutOrchestrator.ServiceDefaults;

public static class TemporalClientRegistration
{
    /// <summary>One lazily connected Temporal client from <see cref="TemporalSettings"/>, shared by the host's parts.</summary>
    public static IServiceCollection AddCheckoutTemporalClient(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = TemporalSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddTemporalClient(settings.Address, settings.Namespace);
        return services;
    }
}
