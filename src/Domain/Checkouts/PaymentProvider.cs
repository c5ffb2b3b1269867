using System.Text.Json.Serialization;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Providers.Kiotapay;
using CheckoutOrchestrator.Providers.LakiPay;
using CheckoutOrchestrator.Providers.Waftpay;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// A payment provider that can host a checkout. Adding one is a member here, naming its slug and
/// its profile, and its folders under Providers (see docs/development.md).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentProvider>))]
public enum PaymentProvider
{
    [JsonStringEnumMemberName("kiotapay")]
    [ProviderModule(typeof(KiotapayProfile))]
    Kiotapay,

    [JsonStringEnumMemberName("lakipay")]
    [ProviderModule(typeof(LakiPayProfile))]
    LakiPay,

    [JsonStringEnumMemberName("waftpay")]
    [ProviderModule(typeof(WaftpayProfile))]
    Waftpay,

    [JsonStringEnumMemberName("chpter")]
    [ProviderModule(typeof(ChpterProfile))]
    Chpter,

    [JsonStringEnumMemberName("adullam")]
    [ProviderModule(typeof(AdullamProfile))]
    Adullam,
}
