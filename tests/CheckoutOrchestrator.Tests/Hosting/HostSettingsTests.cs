using CheckoutOrchestrator.Api;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Merchants;
using CheckoutOrchestrator.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>Each host validates exactly the merchant settings it reads: event-signing secrets are the worker's alone.</summary>
public sealed class HostSettingsTests
{
    private static readonly Dictionary<string, string?> MerchantWithoutSecrets = new()
    {
        ["Merchants:shop:ApiKeySha256:0"] = ApiKeys.Hash(DevMerchant.Shop.ApiKey),
        ["Merchants:shop:NotificationUrl"] = "https://shop.example.com/events",
        ["PayloadEncryption:Keys:k"] = DevRun.DevPayloadKey,
        ["PayloadEncryption:EncryptWith"] = "k",
        ["Urls"] = "http://127.0.0.1:0",
    };

    [Fact]
    public async Task The_api_takes_a_merchant_without_the_event_signing_secrets_it_never_uses()
    {
        await using var api = CheckoutApiApp.Create([], builder => Use(builder, MerchantWithoutSecrets));

        var merchants = api.Services.GetRequiredService<IOptions<MerchantAccounts>>().Value;

        Assert.True(merchants.ContainsKey("shop"));
    }

    [Fact]
    public async Task The_worker_refuses_the_same_merchant_naming_the_missing_secrets()
    {
        await using var worker = CheckoutWorkerApp.Create([], builder => Use(builder, MerchantWithoutSecrets));

        var error = Assert.Throws<OptionsValidationException>(() => worker.Services.GetRequiredService<IOptions<MerchantAccounts>>().Value);

        Assert.Contains("Merchants:shop:NotificationSecrets", error.Message, StringComparison.Ordinal);
    }

    private static void Use(WebApplicationBuilder builder, Dictionary<string, string?> settings)
    {
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
    }
}
