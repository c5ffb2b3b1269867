using CheckoutOrchestrator.Checkouts;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>Theory data over every provider the product knows: a sixth gets every end-to-end test without anyone listing it.</summary>
public static class EveryProvider
{
    public static TheoryData<PaymentProvider> Data => [.. PaymentProviderSlugs.All];
}
