using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>The simulated pages a person sees in the dev run speak each provider's words, not our codes.</summary>
public sealed class HostedPageTests : ApiTestBase
{
    public HostedPageTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Kiotapays_buttons_name_the_way_to_pay()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        body["allowedMethods"] = new System.Text.Json.Nodes.JsonArray("mpesa", "card");
        var page = await PageAsync(await OpenAsync(body));

        Assert.Contains(">Pay with M-Pesa (a prompt on your phone)</button>", page, StringComparison.Ordinal);
        Assert.Contains(">Pay by card</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Pay with MPESA_STK<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chpters_page_names_the_order_and_the_customer_not_a_bare_number()
    {
        var body = CheckoutBodies.For(PaymentProvider.Chpter);
        var opened = await OpenAsync(body);

        var page = await PageAsync(opened);

        Assert.Contains($"<p>Order {opened.GetProperty("providerReference").GetString()} for {body["customer"]!["name"]}</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adullams_phone_shows_the_prompt_and_a_way_back_after_approving()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Adullam));
        var phone = new Uri(Fixture.Run.SimulatorUrl, $"adullam/phone/{opened.GetProperty("providerSessionId").GetString()}");

        var prompt = await Fixture.Simulators.Http.GetStringAsync(phone);
        using var approved = await Fixture.Simulators.ChooseAsync(phone, "pay");
        var after = await approved.Content.ReadAsStringAsync();

        Assert.Contains("Adullam: pay 5000 XOF", prompt, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adullam/phone\">Back</a>", after, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(JsonElement opened) =>
        await Fixture.Simulators.Http.GetStringAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!));
}
