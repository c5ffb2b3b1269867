using CheckoutOrchestrator.DevHost;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// A dev run of its own for the attacker's tests: their floods spend the callback budget of the
/// loopback address, which would hold up every other test's callbacks. Its dev server suggests
/// continue-as-new early, and its codec accepts tokens of a loopback OIDC provider.
/// </summary>
public sealed class AttackDevRunFixture : DevRunFixture
{
    /// <summary>Low enough that a long watch under callbacks reaches it in seconds; a normal checkout stays far below.</summary>
    public const int SuggestContinueAsNewAt = 150;

    /// <summary>Adullam's calls here are held to this rate by the server, as production holds them to 0.25/s.</summary>
    public const double AdullamCallsPerSecond = 2;

    /// <summary>A merchant whose burst of Adullam creates the budget tests watch another merchant get past.</summary>
    public static DevMerchant BurstShop { get; } = new("burst-shop", "cok_burst_shop_test_only_key_00000004", "whsec_burst_shop_test_only_secret_0000004");

    public LoopbackOidcProvider Oidc { get; private set; } = null!;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Oidc is not null)
        {
            await Oidc.DisposeAsync();
        }
    }

    protected override async Task<DevRunOptions> OptionsAsync(DevRunOptions options)
    {
        Oidc = await LoopbackOidcProvider.StartAsync();
        return options with
        {
            Merchants = [.. options.Merchants, BurstShop],
            TemporalArgs = ["--dynamic-config-value", $"limit.historyCount.suggestContinueAsNew={SuggestContinueAsNewAt}"],
            HostSettings = new Dictionary<string, string?>(options.HostSettings)
            {
                ["Codec:Oidc:Authority"] = Oidc.Issuer.AbsoluteUri,
                ["Codec:Oidc:Audience"] = LoopbackOidcProvider.Audience,
                ["Codec:Oidc:RequireHttpsMetadata"] = "false",
                ["Worker:ProviderCallsPerSecond:adullam"] = AdullamCallsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }
}

[CollectionDefinition(Name)]
public sealed class AttackGroup : ICollectionFixture<AttackDevRunFixture>
{
    public const string Name = "attacks";
}
