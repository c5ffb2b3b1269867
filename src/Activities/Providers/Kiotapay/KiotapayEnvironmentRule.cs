using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Providers.Kiotapay;

/// <summary>Defaults the Kiotapay environment to Sandbox on a Development host only, and refuses to start without one elsewhere.</summary>
public sealed class KiotapayEnvironmentRule : IPostConfigureOptions<KiotapayOptions>, IValidateOptions<KiotapayOptions>
{
    private readonly IServiceProvider services;

    public KiotapayEnvironmentRule(IServiceProvider services)
    {
        this.services = services;
    }

    public void PostConfigure(string? name, KiotapayOptions options)
    {
        if (services.GetService<IHostEnvironment>()?.IsDevelopment() == true)
        {
            options.Environment ??= KiotapayEnvironment.Sandbox;
        }
    }

    public ValidateOptionsResult Validate(string? name, KiotapayOptions options) =>
        options.Environment is null
            ? ValidateOptionsResult.Fail($"{KiotapayOptions.Section}:Environment must be Sandbox or Production; only a Development host defaults to Sandbox.")
            : ValidateOptionsResult.Success;
}
