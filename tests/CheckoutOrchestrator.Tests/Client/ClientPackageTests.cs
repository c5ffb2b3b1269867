using System.IO.Compression;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.Client.Events;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Client;

/// <summary>What the merchant's package promises: the frameworks shops run, its docs, and constants that say what the server writes.</summary>
public sealed class ClientPackageTests
{
    [Fact]
    public void The_clients_event_types_are_exactly_the_ones_the_server_sends()
    {
        // Every constant the client declares, read by reflection: one added on either side alone fails here.
        var client = typeof(CheckoutEventTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(MerchantEventTypes.All.Order(), client.Order());
    }

    [Fact]
    public void The_clients_statuses_are_exactly_the_ones_the_server_writes_and_agree_on_which_are_final()
    {
        string[] client = [CheckoutStatuses.Pending, CheckoutStatuses.RequiresAction, CheckoutStatuses.Processing, CheckoutStatuses.Succeeded, CheckoutStatuses.Failed, CheckoutStatuses.Expired, CheckoutStatuses.Cancelled];

        Assert.Equal(Enum.GetValues<PaymentStatus>().Select(s => s.ToWire()).Order(), client.Order());
        Assert.All(Enum.GetValues<PaymentStatus>(), s => Assert.Equal(s.IsTerminal(), CheckoutStatuses.IsFinal(s.ToWire())));
    }

    [Fact]
    public async Task The_package_serves_dotnet_8_9_and_10_each_with_its_xml_docs()
    {
        var output = Directory.CreateTempSubdirectory("client-pack-").FullName;

        var pack = await ContractTools.DotnetAsync("pack", "src/Client", "-c", "Release", "-o", output, "-p:NoWarn=NU5104");

        Assert.True(pack.ExitCode == 0, pack.Output);
        using var package = await ZipFile.OpenReadAsync(Directory.EnumerateFiles(output, "*.nupkg").Single());
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.All(
            ["net8.0", "net9.0", "net10.0"],
            framework => Assert.Superset(
                new HashSet<string> { $"lib/{framework}/CheckoutOrchestrator.Client.dll", $"lib/{framework}/CheckoutOrchestrator.Client.xml" },
                entries));
    }
}
