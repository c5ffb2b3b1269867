using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Providers.Kiotapay;
using CheckoutOrchestrator.Providers.LakiPay;
using CheckoutOrchestrator.Providers.Waftpay;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

public sealed class StatusMappingTests
{
    public static TheoryData<string, string, PaymentStatus> Known => new()
    {
        { "kiotapay", "PENDING", PaymentStatus.Pending },
        { "kiotapay", "requires_action", PaymentStatus.RequiresAction },
        { "kiotapay", "Processing", PaymentStatus.Processing },
        { "kiotapay", "SUCCEEDED", PaymentStatus.Succeeded },
        { "kiotapay", "failed", PaymentStatus.Failed },
        { "kiotapay", "EXPIRED", PaymentStatus.Expired },
        { "lakipay", "INITIATED", PaymentStatus.Pending },
        { "lakipay", "pending", PaymentStatus.Processing },
        { "lakipay", "SUCCESS", PaymentStatus.Succeeded },
        { "lakipay", "FAILED", PaymentStatus.Failed },
        { "lakipay", "CANCELLED", PaymentStatus.Cancelled },
        { "waftpay-query", "processing", PaymentStatus.Processing },
        { "waftpay-query", "succeeded", PaymentStatus.Succeeded },
        { "waftpay-query", "failed", PaymentStatus.Failed },
        { "waftpay-query", "canceled", PaymentStatus.Cancelled },
        { "waftpay-callback", "CREATED", PaymentStatus.Pending },
        { "waftpay-callback", "PENDING", PaymentStatus.Processing },
        { "waftpay-callback", "ESCALATED", PaymentStatus.Processing },
        { "waftpay-callback", "success", PaymentStatus.Succeeded },
        { "waftpay-callback", "FAILED", PaymentStatus.Failed },
        { "waftpay-callback", "EXPIRED", PaymentStatus.Expired },
        { "adullam", "created", PaymentStatus.Pending },
        { "adullam", "pending", PaymentStatus.RequiresAction },
        { "adullam", "PROCESSING", PaymentStatus.Processing },
        { "adullam", "completed", PaymentStatus.Succeeded },
        { "adullam", "failed", PaymentStatus.Failed },
        { "adullam", "expired", PaymentStatus.Expired },
        { "adullam", "cancelled", PaymentStatus.Cancelled },
    };

    public static TheoryData<string, string> Unknown => new()
    {
        { "kiotapay", "CANCELLED" },
        { "kiotapay", "PAID" },
        { "lakipay", "REVERSED" },
        { "waftpay-callback", "REFUNDED" },
        { "waftpay-callback", "REVERSED" },
        { "waftpay-query", "cancelled" },
        { "adullam", "refunded" },
        { "adullam", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void Each_documented_status_maps_whatever_its_case(string vocabulary, string raw, PaymentStatus expected) =>
        Assert.Equal(new ProviderStatus(raw, expected), Map(vocabulary).Map(raw));

    [Theory]
    [MemberData(nameof(Unknown))]
    public void An_unknown_status_keeps_its_raw_value_and_means_nothing(string vocabulary, string raw)
    {
        var status = Map(vocabulary).Map(raw);

        Assert.Null(status.Status);
        Assert.Equal(raw, status.Raw);
    }

    [Fact]
    public void Statuses_only_move_forward_and_four_are_final()
    {
        Assert.True(PaymentStatus.Pending.Progress() < PaymentStatus.RequiresAction.Progress());
        Assert.True(PaymentStatus.RequiresAction.Progress() < PaymentStatus.Processing.Progress());
        Assert.Equal(
            [PaymentStatus.Succeeded, PaymentStatus.Failed, PaymentStatus.Expired, PaymentStatus.Cancelled],
            Enum.GetValues<PaymentStatus>().Where(s => s.IsTerminal()));
    }

    private static StatusMap Map(string vocabulary) => vocabulary switch
    {
        "kiotapay" => KiotapayStatuses.Map,
        "lakipay" => LakiPayStatuses.Map,
        "waftpay-query" => WaftpayStatuses.Query,
        "waftpay-callback" => WaftpayStatuses.Callback,
        "adullam" => AdullamStatuses.Map,
        _ => throw new ArgumentOutOfRangeException(nameof(vocabulary)),
    };
}
