using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Workflows.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Testing;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// The real provider layer (options, Refit clients, token caches, activities, callback readers)
/// configured against the simulators, as the worker and API configure it.
/// </summary>
public sealed class ProviderTestHost : IAsyncDisposable
{
    public const string SigningKey = "test-callback-signing-key-0123456789abcdef";

    private readonly ServiceProvider services;

    private ProviderTestHost(ServiceProvider services)
    {
        this.services = services;
    }

    public CheckoutActivities Activities => services.GetRequiredService<CheckoutActivities>();

    public CallbackUrls CallbackUrls => services.GetRequiredService<CallbackUrls>();

    public static ProviderTestHost Create(
        SimulatorFixture simulator,
        Uri callbackBase,
        Action<Dictionary<string, string?>>? adjust = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null) =>
        Create(simulator.BaseUrl, callbackBase, simulator.LakiPayPublicKeyPem, adjust, time, services);

    /// <summary>The provider layer pointed at any stand-in for the five providers (the simulators, or a contract stub).</summary>
    public static ProviderTestHost Create(
        Uri providers,
        Uri callbackBase,
        string lakiPayPublicKeyPem,
        Action<Dictionary<string, string?>>? adjust = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = SimulatorClientSettings.For(providers, callbackBase, SigningKey, lakiPayPublicKeyPem);
        settings["Providers:Kiotapay:RequestTimeout"] = "00:00:03";
        settings["Providers:Chpter:RequestTimeout"] = "00:00:03";
        adjust?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var collection = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        collection.AddPaymentProviderClients(configuration);
        collection.AddProviderCallbackReaders(configuration);
        collection.AddTransient<CheckoutActivities>();
        return new ProviderTestHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    public IPaymentProviderClient Client(PaymentProvider provider) =>
        services.GetServices<IPaymentProviderClient>().Single(c => c.Provider == provider);

    public ProviderCallbackReader Reader(PaymentProvider provider) =>
        services.GetServices<ProviderCallbackReader>().Single(r => r.Provider == provider);

    /// <summary>Runs the create activity as Temporal would, as attempt <paramref name="attempt"/>.</summary>
    public Task<ProviderSession> CreateAsync(string checkoutId, CheckoutRequest request, int attempt = 1) =>
        new ActivityEnvironment { Info = ActivityEnvironment.DefaultInfo with { Attempt = attempt } }
            .RunAsync(() => Activities.CreateSessionAsync(new CreateSessionInput(checkoutId, request, SampleCheckouts.ReferenceFor(request.Provider, checkoutId))));

    public Task<ProviderStatus> StatusAsync(string checkoutId, PaymentProvider provider, ProviderSession session) =>
        new ActivityEnvironment().RunAsync(() => Activities.GetStatusAsync(new StatusLookupInput(checkoutId, provider, session)));

    public CallbackVerdict Read(ReceivedCallback callback, PaymentProvider provider) =>
        Reader(provider).Read(new ProviderCallback(provider, callback.RawBody, callback.CheckoutId, callback.Token, DateTimeOffset.UtcNow));

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
