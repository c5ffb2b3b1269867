using System.Net;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>What a provider needs is checked before a checkout exists; a provider's refusal never burns a reference.</summary>
public sealed class ProviderNeedsTests : ApiTestBase
{
    public ProviderNeedsTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_kiotapay_checkout_without_a_description_is_a_422_naming_the_field_and_nothing_is_opened()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        body.Remove("description");
        var createsBefore = (await Fixture.Simulators.CountsAsync("kiotapay")).Creates;

        using var refused = await PostCheckoutAsync(body);
        var problem = await JsonOf(refused);
        body["description"] = "Order with a description";
        using var corrected = await PostCheckoutAsync(body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Kiotapay", problem.GetProperty("errors").GetProperty("description")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(createsBefore + 1, (await Fixture.Simulators.CountsAsync("kiotapay")).Creates);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task A_create_the_provider_refused_leaves_the_reference_free_for_a_corrected_request()
    {
        var body = CheckoutBodies.For(PaymentProvider.LakiPay);
        await using (await Fixture.Simulators.FaultsAsync("lakipay", new FaultSettings { FailNext = 1, FailStatus = 400, Method = "POST" }))
        {
            using var refused = await PostCheckoutAsync(body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        body["description"] = "Corrected order";
        using var corrected = await PostCheckoutAsync(body);
        var opened = await JsonOf(corrected);
        using var again = await PostCheckoutAsync(body);

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal("pending", opened.GetProperty("status").GetString());
        Assert.Equal((HttpStatusCode.Created, opened.GetProperty("checkoutId").GetString()), (again.StatusCode, (await JsonOf(again)).GetProperty("checkoutId").GetString()));
        Assert.Equal("pending", (await GetCheckoutAsync(opened.GetProperty("checkoutId").GetString()!)).GetProperty("status").GetString());
    }
}
