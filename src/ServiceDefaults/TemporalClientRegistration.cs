using CheckoutOrchestrator.ServiceDefaults.Metrics;
using CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;
using CheckoutOrchestrator.ServiceDefaults.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Runtime;

namespace CheckoutOrchestrator.ServiceDefaults;

public static class TemporalClientRegistration
{
    // One runtime per process: it owns the SDK's threads and hands its metrics to System.Diagnostics.Metrics.
    private static readonly Lazy<TemporalRuntime> Runtime = new(() => new TemporalRuntime(new TemporalRuntimeOptions
    {
        Telemetry = new TelemetryOptions { Metrics = new MetricsOptions { CustomMetricMeter = new TemporalMetricsBridge() } },
    }));

    /// <summary>
    /// One lazily connected Temporal client, shared by the host's parts: connected as
    /// <see cref="ClusterConnection"/> reads it, every payload encrypted, traces carried in headers.
    /// </summary>
    public static IServiceCollection AddCheckoutTemporalClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TemporalSettings.From(configuration));
        services.AddPayloadEncryption(configuration);
        services.AddTemporalClient(_ => { });
        services.AddOptions<TemporalClientConnectOptions>()
            .Configure<AesGcmPayloadCodec>((options, codec) =>
            {
                var connection = ClusterConnection.From(configuration);
                options.TargetHost = connection.TargetHost;
                options.Namespace = connection.Namespace;
                options.ApiKey = connection.ApiKey;
                options.Tls = connection.Tls;
                options.RpcMetadata = connection.RpcMetadata;
                options.Interceptors = [new CheckoutTracing()];
                options.DataConverter = EncryptingConverter(codec);
                options.Runtime = Runtime.Value;
            });
        return services;
    }

    /// <summary>Section "PayloadEncryption", validated when the host starts.</summary>
    public static IServiceCollection AddPayloadEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PayloadEncryptionOptions>()
            .Bind(configuration.GetSection(PayloadEncryptionOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PayloadEncryptionOptions>, PayloadEncryptionValidation>();
        services.AddSingleton(s => new AesGcmPayloadCodec(s.GetRequiredService<IOptions<PayloadEncryptionOptions>>().Value));
        return services;
    }

    /// <summary>
    /// Payloads and failure messages encrypted: an exception's message may quote what a provider said
    /// about a customer, so it travels encoded too.
    /// </summary>
    public static DataConverter EncryptingConverter(AesGcmPayloadCodec codec) => DataConverter.Default with
    {
        PayloadCodec = codec,
        FailureConverter = new DefaultFailureConverter.WithEncodedCommonAttributes(),
    };
}
