using CheckoutOrchestrator.Simulators;

namespace CheckoutOrchestrator.DevHost;

/// <summary>The provider-client configuration that points all five providers at the simulators.</summary>
public static class SimulatorClientSettings
{
    public static Dictionary<string, string?> For(Uri simulator, Uri callbackBase, string signingKey, string lakiPayPublicKeyPem) => new()
    {
        ["Callbacks:PublicBaseUrl"] = callbackBase.AbsoluteUri,
        ["Callbacks:SigningKeys:0"] = signingKey,
        ["Providers:Kiotapay:BaseUrl"] = new Uri(simulator, "kiotapay").AbsoluteUri,
        ["Providers:Kiotapay:Environment"] = "Sandbox",
        ["Providers:Kiotapay:ApiKey"] = SimulatorCredentials.KiotapayApiKey,
        ["Providers:Kiotapay:ApiSecret"] = SimulatorCredentials.KiotapayApiSecret,
        ["Providers:LakiPay:BaseUrl"] = new Uri(simulator, "lakipay").AbsoluteUri,
        ["Providers:LakiPay:PublicKey"] = SimulatorCredentials.LakiPayPublicKey,
        ["Providers:LakiPay:SecretKey"] = SimulatorCredentials.LakiPaySecretKey,
        ["Providers:LakiPay:WebhookPublicKeyPem"] = lakiPayPublicKeyPem,
        ["Providers:Waftpay:BaseUrl"] = new Uri(simulator, "waftpay/api").AbsoluteUri,
        ["Providers:Waftpay:ConsumerKey"] = SimulatorCredentials.WaftpayConsumerKey,
        ["Providers:Waftpay:ConsumerSecret"] = SimulatorCredentials.WaftpayConsumerSecret,
        ["Providers:Chpter:BaseUrl"] = new Uri(simulator, "chpter").AbsoluteUri,
        ["Providers:Chpter:ApiToken"] = SimulatorCredentials.ChpterApiToken,
        ["Providers:Chpter:Domain"] = SimulatorCredentials.ChpterDomain,
        ["Providers:Adullam:BaseUrl"] = new Uri(simulator, "adullam").AbsoluteUri,
        ["Providers:Adullam:Phone"] = SimulatorCredentials.AdullamPhone,
        ["Providers:Adullam:Password"] = SimulatorCredentials.AdullamPassword,
    };
}
