using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Workflows;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

public sealed class DevSettingsTests
{
    [Fact]
    public void Temporal_dev_yaml_registers_every_search_attribute_the_workflow_sets_with_its_type()
    {
        var settings = DevSettings.Load(DevSettings.Find(AppContext.BaseDirectory));

        var registered = settings.Temporal.SearchAttributeKeys().Select(k => (k.Name, k.ValueType)).ToHashSet();

        Assert.All(CheckoutSearchAttributes.All, key => Assert.Contains((key.Name, key.ValueType), registered));
        Assert.Equal("checkouts", settings.Temporal.Namespace);
    }
}
