using Microsoft.Extensions.Configuration;
using Temporalio.Client;
using Temporalio.Common.EnvConfig;

namespace CheckoutOrchestrator.ServiceDefaults;

/// <summary>
/// Where the hosts' Temporal client connects, read the way every Temporal tool reads it:
/// <c>TEMPORAL_ADDRESS</c>, <c>TEMPORAL_NAMESPACE</c>, <c>TEMPORAL_API_KEY</c>, <c>TEMPORAL_TLS_*</c>,
/// and profiles in <c>temporal.toml</c> (<c>TEMPORAL_CONFIG_FILE</c>, <c>TEMPORAL_PROFILE</c>), all by
/// the SDK's own <see cref="ClientEnvConfig"/>. Section "Temporal" (Address, Namespace, ApiKey) is an
/// overlay on top, for appsettings and the dev run. So Temporal Cloud (API key or mTLS) and a
/// TLS-secured self-hosted cluster need configuration only.
/// </summary>
public static class ClusterConnection
{
    public const string DefaultAddress = "localhost:7233";

    /// <summary>The connect options configuration names; <paramref name="configuration"/> supplies the TEMPORAL_* variables.</summary>
    public static TemporalClientConnectOptions From(IConfiguration configuration)
    {
        var variables = TemporalVariables(configuration);
        var options = ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
        {
            Profile = variables.GetValueOrDefault("TEMPORAL_PROFILE"),
            OverrideEnvVars = variables,
        });

        var overlay = configuration.GetSection(TemporalSettings.Section);
        if (overlay["Address"] is { Length: > 0 } address)
        {
            options.TargetHost = address;
        }

        if (overlay["Namespace"] is { Length: > 0 } @namespace)
        {
            options.Namespace = @namespace;
        }

        if (overlay["ApiKey"] is { Length: > 0 } apiKey)
        {
            // An API key only ever travels over TLS.
            options.ApiKey = apiKey;
            options.Tls ??= new();
        }

        options.TargetHost ??= DefaultAddress;
        return options;
    }

    /// <summary>Whether any configuration names a cluster (the dev run then embeds none).</summary>
    public static bool NamesACluster(IConfiguration configuration)
    {
        var variables = TemporalVariables(configuration);
        return configuration[$"{TemporalSettings.Section}:Address"] is { Length: > 0 }
            || variables.ContainsKey("TEMPORAL_ADDRESS")
            || variables.ContainsKey("TEMPORAL_PROFILE")
            || variables.ContainsKey("TEMPORAL_CONFIG_FILE");
    }

    private static Dictionary<string, string> TemporalVariables(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(pair => pair.Key.StartsWith("TEMPORAL_", StringComparison.Ordinal) && !string.IsNullOrEmpty(pair.Value))
            .ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
}
