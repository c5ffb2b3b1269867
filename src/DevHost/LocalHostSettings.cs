using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Merchants;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;

namespace CheckoutOrchestrator.DevHost;

/// <summary>
/// What the API and the worker are configured with in a local run (the dev run, the reliability
/// suite): providers at the simulators, the cluster, the development keys and the merchants.
/// </summary>
public static class LocalHostSettings
{
    public static Dictionary<string, string?> For(
        Uri simulator,
        Uri api,
        string lakiPayPublicKeyPem,
        string temporalAddress,
        TemporalSection temporal,
        IEnumerable<DevMerchant> merchants,
        Uri temporalUi,
        Uri? forwardEventsTo = null)
    {
        var settings = SimulatorClientSettings.For(simulator, api, DevRun.DevSigningKey, lakiPayPublicKeyPem);
        settings[$"{TemporalSettings.Section}:Address"] = temporalAddress;
        settings[$"{TemporalSettings.Section}:Namespace"] = temporal.Namespace;
        settings[$"{TemporalSettings.Section}:TaskQueue"] = temporal.TaskQueue;
        settings[$"{CheckoutIdOptions.Section}:Keys:0"] = DevRun.DevCheckoutIdKey;

        // The hosts get exactly these settings; the standard OpenTelemetry variables still reach them,
        // so a local trace viewer (OTEL_EXPORTER_OTLP_ENDPOINT) sees the dev run.
        foreach (var (key, value) in OpenTelemetryVariables())
        {
            settings[key] = value;
        }

        // A local run is a development tool whatever the host's environment: its banner points at the API reference.
        settings["Api:ServeReference"] = "true";

        // The simulated Adullam has no request budget: checkouts here need not queue for the real one (0.25/s).
        settings["Worker:ProviderCallsPerSecond:adullam"] = "100";

        // Development only: the merchant inbox is plain http on loopback, and exactly it may be reached there.
        settings[$"{NotificationOptions.Section}:AllowPlainHttp"] = "true";
        settings[$"{NotificationOptions.Section}:AllowedPrivateUrls:0"] = new Uri(simulator, "merchant/inbox/").AbsoluteUri;
        settings[$"{PayloadEncryptionOptions.Section}:Keys:dev-1"] = DevRun.DevPayloadKey;
        settings[$"{PayloadEncryptionOptions.Section}:EncryptWith"] = "dev-1";
        settings[$"Codec:OperatorTokens:{DevRun.DevOperatorName}"] = ApiKeys.Hash(DevRun.DevOperatorToken);
        settings["Codec:AllowedOrigins:0"] = temporalUi.GetLeftPart(UriPartial.Authority);
        foreach (var (key, value) in merchants.SelectMany(m => m.Settings(simulator)))
        {
            settings[key] = value;
        }

        // The developer's own receiver gets the development merchant's events, and loopback is allowed for exactly that URL.
        if (forwardEventsTo is not null && merchants.FirstOrDefault() is { } developer)
        {
            settings[$"{MerchantAccounts.Section}:{developer.Id}:NotificationUrl"] = forwardEventsTo.AbsoluteUri;
            settings[$"{NotificationOptions.Section}:AllowedPrivateUrls:1"] = forwardEventsTo.AbsoluteUri;
        }

        return settings;
    }

    private static IEnumerable<(string Key, string? Value)> OpenTelemetryVariables() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(key => key.StartsWith("OTEL_", StringComparison.Ordinal))
            .Select(key => (key, Environment.GetEnvironmentVariable(key)));
}
