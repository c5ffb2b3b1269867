using System.Text.RegularExpressions;
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
public sealed partial class DocumentedSettingsStartupTests
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
        foreach (var row in TableRows())
        {
            var hosts = row.Host switch { "both" => new[] { Host.Api, Host.Worker }, "API" => [Host.Api], "worker" => [Host.Worker], _ => [] };
            var required = row.Required is "yes" or "yes elsewhere" or "to offer it";
            if (!hosts.Contains(host) || !required)
            {
                continue;
            }

            foreach (var key in row.Keys.SelectMany(Expand))
            {
                settings[key] = SampleFor(key);
            }
        }

        return settings;
    }

    private static IEnumerable<(string[] Keys, string Host, string Required)> TableRows()
    {
        var lines = File.ReadLines(Path.Combine(ContractTools.RepositoryRoot(), "docs", "operations.md"))
            .SkipWhile(line => !line.StartsWith("| Key | Host |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'));
        foreach (var line in lines)
        {
            var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
            var keys = BacktickedKey().Matches(cells[1]).Select(m => m.Groups[1].Value).ToArray();
            var list = cells[1].Contains("(list)", StringComparison.Ordinal);
            var parent = keys[0][..(keys[0].LastIndexOf(':') + 1)];
            yield return (keys.Select(k => (k.Contains(':', StringComparison.Ordinal) ? k : parent + k) + (list ? ":0" : string.Empty)).ToArray(), cells[2], cells[4]);
        }
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

    [GeneratedRegex("`([A-Za-z][A-Za-z0-9:<>_]*)`")]
    private static partial Regex BacktickedKey();
}
