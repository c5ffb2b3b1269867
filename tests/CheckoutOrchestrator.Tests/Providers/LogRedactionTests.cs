using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

/// <summary>A provider's error message is logged by the worker: the customer's number must not be in it whole.</summary>
public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("Phone +254712345678 is not registered", "Phone +*********678 is not registered")]
    [InlineData("msisdn 0712 345 678 invalid", "msisdn **** *** 678 invalid")]
    [InlineData("Amount 1500.00 below minimum 2000", "Amount 1500.00 below minimum 2000")]
    public void A_failure_message_masks_phone_numbers_and_keeps_the_rest(string providerMessage, string logged)
    {
        var failure = ProviderFailures.Rejected(new ProviderCallContext(PaymentProvider.Kiotapay, ProviderOperation.CreateSession), 400, "E1", providerMessage);

        Assert.EndsWith(logged, failure.Message, StringComparison.Ordinal);
    }
}
