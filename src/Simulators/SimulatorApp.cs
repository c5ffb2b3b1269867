using CheckoutOrchestrator.Simulators.Adullam;
using CheckoutOrchestrator.Simulators.Chpter;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Simulators.Kiotapay;
using CheckoutOrchestrator.Simulators.LakiPay;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Simulators.Waftpay;

namespace CheckoutOrchestrator.Simulators;

/// <summary>All five simulated providers in one web app, each under its own path prefix, and an inbox standing in for merchants.</summary>
public static class SimulatorApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.Services.AddProviderSimulators(builder.Configuration);
        var app = builder.Build();
        app.MapProviderSimulators();
        return app;
    }

    public static IServiceCollection AddProviderSimulators(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SimulatorOptions>(configuration.GetSection(SimulatorOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FaultSwitchboard>();
        services.AddSingleton<CallbackSender>();
        services.AddSingleton<LakiPaySigningKey>();
        services.AddSingleton<MerchantInbox>();
        services.AddSimulator<KiotapaySimulator>();
        services.AddSimulator<LakiPaySimulator>();
        services.AddSimulator<WaftpaySimulator>();
        services.AddSimulator<ChpterSimulator>();
        services.AddSimulator<AdullamSimulator>();
        services.AddHostedService<ExpirySweeper>();
        return services;
    }

    public static WebApplication MapProviderSimulators(this WebApplication app)
    {
        app.UseRouting();
        app.UseMiddleware<FaultInjectionMiddleware>();
        KiotapaySimulator.Map(app);
        LakiPaySimulator.Map(app);
        WaftpaySimulator.Map(app);
        ChpterSimulator.Map(app);
        AdullamSimulator.Map(app);
        app.MapSimulatorControl();
        app.MapMerchantInbox();
        app.MapGet("/", () => Results.Redirect("/simulator"));
        return app;
    }

    private static void AddSimulator<T>(this IServiceCollection services)
        where T : ProviderSimulator
    {
        services.AddSingleton<T>();
        services.AddSingleton<ProviderSimulator>(s => s.GetRequiredService<T>());
    }
}
