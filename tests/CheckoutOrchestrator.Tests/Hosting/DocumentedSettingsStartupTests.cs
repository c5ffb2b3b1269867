using CheckoutOrchestrator.Api;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Merchants;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>
/// Each host passes its start-up checks with exactly the keys docs/operations.md marks as required for
/// it (its Host column), and refuses to start without any one of them.
/// </summary>
public sealed class DocumentedSettingsStartupTests
{
    public enum Host
    {
        Api,
        Worker,
    }

    public static TheoryData<Host> Hosts => [Host.Api, Host.Worker];

    public static TheoryData<Host, string> EachRequiredKey()
    {
        var data = new TheoryData<Host, string>();
        foreach (var host in Enum.GetValues<Host>())
        {
            foreach (var key in RequiredSettings(host).Keys)
            {
                data.Add(host, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_host_given_exactly_its_documented_required_keys_starts(Host host)
    {
        await using var app = Create(host, RequiredSettings(host));

        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [MemberData(nameof(EachRequiredKey))]
    public async Task A_host_missing_one_documented_required_key_refuses_to_start(Host host, string key)
    {
        var settings = RequiredSettings(host);
        settings.Remove(key);
        await using var app = Create(host, settings);

        Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
    }

    private static WebApplication Create(Host host, Dictionary<string, string?> settings)
    {
        void Use(WebApplicationBuilder builder)
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(settings);
        }

        return host == Host.Api ? CheckoutApiApp.Create([], Use) : CheckoutWorkerApp.Create([], Use);
    }

    /// <summary>
    /// The table's rows for this host (its own and "both") that a production start needs: "yes", and
    /// each provider's section, which "to offer it" makes required.
    /// </summary>
    private static Dictionary<string, string?> RequiredSettings(Host host)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in ConfigurationTable.Rows())
        {
            var hosts = row.Host switch { "both" => new[] { Host.Api, Host.Worker }, "API" => [Host.Api], "worker" => [Host.Worker], _ => [] };
            var required = row.Required is "yes" or "yes elsewhere" or "to offer it";
            if (!hosts.Contains(host) || !required)
            {
                continue;
            }

            foreach (var key in FullKeys(row).SelectMany(Expand))
            {
                settings[key] = SampleFor(key);
            }
        }

        return settings;
    }

    /// <summary>A row's keys in full: a later key relative to the first's section, a list's first item.</summary>
    private static IEnumerable<string> FullKeys(ConfigurationRow row)
    {
        var parent = row.Keys[0][..(row.Keys[0].LastIndexOf(':') + 1)];
        return row.Keys.Select(k => (k.Contains(':', StringComparison.Ordinal) ? k : parent + k) + (row.IsList ? ":0" : string.Empty));
    }

    private static IEnumerable<string> Expand(string key) => key.Contains("<Name>", StringComparison.Ordinal)
        ? Enum.GetNames<PaymentProvider>().Select(name => key.Replace("<Name>", name, StringComparison.Ordinal))
        : [key.Replace("<id>", "k", StringComparison.Ordinal)];

    private static string SampleFor(string key) => key switch
    {
        "PayloadEncryption:EncryptWith" => "k",
        _ when key.StartsWith("PayloadEncryption:Keys:", StringComparison.Ordinal) => DevRun.DevPayloadKey,
        _ when key.EndsWith("Sha256:0", StringComparison.Ordinal) => ApiKeys.Hash("a-documented-secret"),
        _ when key.EndsWith("Url", StringComparison.Ordinal) => "https://checkout.example.com/",
        _ when key.EndsWith(":Environment", StringComparison.Ordinal) => "Sandbox",
        _ => "a-secret-long-enough-for-any-of-our-checks-0123456789",
    };
}
