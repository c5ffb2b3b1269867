using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Api.Codec;
using CheckoutOrchestrator.Api.Events;
using CheckoutOrchestrator.Api.Merchants;
using CheckoutOrchestrator.Api.OpenApi;
using CheckoutOrchestrator.Api.Operators;
using CheckoutOrchestrator.Api.Returns;
using CheckoutOrchestrator.Api.Webhooks;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Hosting;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Routing;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckoutOrchestrator.Api;

/// <summary>The checkout API: merchants open, read, list and cancel their checkouts; providers' callbacks are relayed to them.</summary>
public static class CheckoutApiApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.Services.AddCheckoutApi(builder.Configuration);
        builder.Services.AddCheckoutTelemetry(builder.Configuration, "checkout-api");
        var app = builder.Build();
        app.MapCheckoutApi();
        return app;
    }

    public static IServiceCollection AddCheckoutApi(this IServiceCollection services, IConfiguration configuration)
    {
        // A body with a key twice is read differently by different parsers (first or last wins): refuse it.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.AllowDuplicateProperties = false);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();

        // A request the caller could not send properly is a line in the log (BadRequestHandler), not an error with a stack trace.
        services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException or OperationCanceledException);
        services.AddExceptionHandler<TemporalUnavailableHandler>();
        services.AddApiContract();
        services.AddValidatedOptions<ApiOptions>(configuration, ApiOptions.Section);
        services.AddValidatedOptions<CheckoutIdOptions>(configuration, CheckoutIdOptions.Section);
        services.TryAddSingleton<CheckoutKeys>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCheckoutTemporalClient(configuration);
        services.AddProviderCallbackReaders(configuration);
        services.AddApiRateLimits();
        services.AddMerchantAccess(configuration);
        services.AddWebhookDoor(configuration);
        services.AddCodecServer(configuration);
        services.AddCheckoutHealth();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.Section))
            .Validate(o => o.Order.Values.All(order => order.All(slug => PaymentProviderSlugs.TryParse(slug, out _))), "Routing:Order names an unknown provider.")
            .ValidateOnStart();
        services.AddSingleton(provider => new ProviderRouter(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RoutingOptions>>().Value));
        services.AddSingleton<CheckoutReader>();
        services.AddSingleton<CheckoutOpener>();
        services.AddSingleton<MerchantCreateShares>();
        services.AddSingleton<ReviewResolver>();
        services.AddSingleton<ReviewList>();
        services.AddSingleton<CheckoutCanceller>();
        services.AddSingleton<CallbackTargets>();
        services.AddSingleton<MerchantEvents>();
        services.AddSingleton<CustomerReturns>();
        services.AddKeyedSingleton(CheckoutGate.Returns, (sp, _) => new CheckoutGate(() => TimeSpan.FromSeconds(30), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CheckoutSearch>();
        return services;
    }

    public static WebApplication MapCheckoutApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapApiContract();
        app.MapCheckoutEndpoints();
        app.MapEventEndpoints();
        app.MapReturnEndpoints();
        app.MapWebhookEndpoints();
        app.MapCodecEndpoints();
        app.MapOperatorEndpoints();
        app.MapCheckoutHealth();
        return app;
    }
}
