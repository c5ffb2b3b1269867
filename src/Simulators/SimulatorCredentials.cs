namespace CheckoutOrchestrator.Simulators;

/// <summary>
/// The credentials the simulators accept unless configured otherwise. Fake by design: the dev
/// host configures the provider clients with them.
/// </summary>
public static class SimulatorCredentials
{
    public const string KiotapayApiKey = "sim-kiotapay-api-key";
    public const string KiotapayApiSecret = "sim-kiotapay-api-secret";
    public const string LakiPayPublicKey = "pk_test_simulator";
    public const string LakiPaySecretKey = "sk_test_simulator";
    public const string WaftpayConsumerKey = "sim-waftpay-collections-key";
    public const string WaftpayConsumerSecret = "sim-waftpay-collections-secret";
    public const string ChpterApiToken = "chpter_pk_simulator";
    public const string ChpterDomain = "checkout-orchestrator.test";
    public const string AdullamPhone = "+2250700000001";
    public const string AdullamPassword = "simulator-password";
}
