using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>A way to pay that a caller may allow on the hosted page.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentMethod>))]
public enum PaymentMethod
{
    [JsonStringEnumMemberName("card")]
    Card,

    [JsonStringEnumMemberName("mpesa")]
    MPesa,

    [JsonStringEnumMemberName("telebirr")]
    Telebirr,

    [JsonStringEnumMemberName("cbe")]
    Cbe,

    [JsonStringEnumMemberName("ethswitch")]
    EthSwitch,
}
