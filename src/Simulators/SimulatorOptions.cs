namespace CheckoutOrchestrator.Simulators;

/// <summary>Credentials and behaviour of the simulated providers (section "Simulators").</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulators";

    public string KiotapayApiKey { get; set; } = SimulatorCredentials.KiotapayApiKey;

    public string KiotapayApiSecret { get; set; } = SimulatorCredentials.KiotapayApiSecret;

    /// <summary>Kiotapay documents 300-second access tokens.</summary>
    public int KiotapayTokenSeconds { get; set; } = 300;

    /// <summary>Kiotapay's Content-Type "must be application/json": when true, anything else (even with a charset) is a 415.</summary>
    public bool KiotapayStrictContentType { get; set; } = true;

    public string LakiPayApiKey { get; set; } = $"{SimulatorCredentials.LakiPayPublicKey}:{SimulatorCredentials.LakiPaySecretKey}";

    /// <summary>PEM private key for LakiPay callback signatures; a fresh key pair is made when empty.</summary>
    public string? LakiPaySigningKeyPem { get; set; }

    public string WaftpayConsumerKey { get; set; } = SimulatorCredentials.WaftpayConsumerKey;

    public string WaftpayConsumerSecret { get; set; } = SimulatorCredentials.WaftpayConsumerSecret;

    /// <summary>Waftpay documents expires_in 7 200 000 (milliseconds).</summary>
    public long WaftpayTokenMilliseconds { get; set; } = 7_200_000;

    public string ChpterApiToken { get; set; } = SimulatorCredentials.ChpterApiToken;

    public string ChpterDomain { get; set; } = SimulatorCredentials.ChpterDomain;

    public string AdullamPhone { get; set; } = SimulatorCredentials.AdullamPhone;

    public string AdullamPassword { get; set; } = SimulatorCredentials.AdullamPassword;

    public int AdullamTokenSeconds { get; set; } = 3600;

    /// <summary>[inferred] Sessions without a documented lifetime (Kiotapay, LakiPay, Chpter) last this long.</summary>
    public int DefaultSessionMinutes { get; set; } = 30;

    /// <summary>Each merchant's notification secrets, so the merchant inbox can check event signatures.</summary>
    public Dictionary<string, string[]> MerchantSecrets { get; set; } = new(StringComparer.Ordinal);
}
