using CheckoutOrchestrator.Merchants;
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
        Uri temporalUi)
    {
        var settings = SimulatorClientSettings.For(simulator, api, DevRun.DevSigningKey, lakiPayPublicKeyPem);
        settings[$"{TemporalSettings.Section}:Address"] = temporalAddress;
        settings[$"{TemporalSettings.Section}:Namespace"] = temporal.Namespace;
        settings[$"{TemporalSettings.Section}:TaskQueue"] = temporal.TaskQueue;
        settings[$"{PayloadEncryptionOptions.Section}:Keys:dev-1"] = DevRun.DevPayloadKey;
        settings[$"{PayloadEncryptionOptions.Section}:EncryptWith"] = "dev-1";
        settings["Codec:OperatorTokenSha256:0"] = ApiKeys.Hash(DevRun.DevOperatorToken);
        settings["Codec:AllowedOrigins:0"] = temporalUi.GetLeftPart(UriPartial.Authority);
        foreach (var (key, value) in merchants.SelectMany(m => m.Settings(simulator)))
        {
            settings[key] = value;
        }

        return settings;
    }
}
