using Microsoft.Extensions.Configuration;

namespace CheckoutOrchestrator.DevHost;

/// <summary>How to start a <see cref="DevRun"/>.</summary>
public sealed record DevRunOptions(DevSettings Settings)
{
    /// <summary>A Temporal cluster to use instead of an embedded dev server.</summary>
    public string? ExistingTemporalAddress { get; init; }

    /// <summary>The dev server executable; null lets the SDK download the real Temporal CLI.</summary>
    public string? TemporalCliPath { get; init; }

    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>The merchants the dev run serves; the first is the one its banner shows.</summary>
    public IReadOnlyList<DevMerchant> Merchants { get; init; } = [DevMerchant.Shop];

    /// <summary>Settings the API and the worker get on top of the dev run's own (e.g. a tighter webhook budget).</summary>
    public IReadOnlyDictionary<string, string?> HostSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The developer's own receiver that gets the development merchant's events instead of the simulators' inbox.</summary>
    public Uri? ForwardEventsTo { get; init; }

    /// <summary>Extra arguments for the embedded dev server, e.g. <c>--dynamic-config-value limit.historyCount.suggestContinueAsNew=200</c>.</summary>
    public IReadOnlyList<string> TemporalArgs { get; init; } = [];

    /// <summary>Reads the address and the CLI path the way the hosts do: Temporal:Address, TEMPORAL_ADDRESS or a temporal.toml profile; TEMPORAL_CLI_PATH.</summary>
    public static DevRunOptions From(DevSettings settings, IConfiguration configuration) => new(settings)
    {
        ExistingTemporalAddress = ServiceDefaults.ClusterConnection.NamesACluster(configuration)
            ? ServiceDefaults.ClusterConnection.From(configuration).TargetHost
            : null,
        TemporalCliPath = configuration["TEMPORAL_CLI_PATH"] is { Length: > 0 } path ? path : null,
        ForwardEventsTo = ForwardUrl(configuration["DEV_FORWARD_EVENTS_TO"] is { Length: > 0 } forward ? forward : settings.Merchant.ForwardEventsTo),
    };

    /// <summary>An absolute http(s) URL, or nothing; anything else stops the dev run with a message that says which.</summary>
    public static Uri? ForwardUrl(string? text) =>
        text is not { Length: > 0 } ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url
        : throw new InvalidOperationException($"DEV_FORWARD_EVENTS_TO (or merchant.forwardEventsTo in temporal-dev.yaml) must be an http(s) URL, e.g. http://localhost:4242/webhook; got '{text}'.");
}
