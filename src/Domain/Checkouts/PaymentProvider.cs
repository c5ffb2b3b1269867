using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>A payment provider that can host a checkout.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentProvider>))]
public enum PaymentProvider
{
    [JsonStringEnumMemberName("kiotapay")]
    Kiotapay,

    [JsonStringEnumMemberName("lakipay")]
    LakiPay,

    [JsonStringEnumMemberName("waftpay")]
    Waftpay,

    [JsonStringEnumMemberName("chpter")]
    Chpter,

    [JsonStringEnumMemberName("adullam")]
    Adullam,
}
