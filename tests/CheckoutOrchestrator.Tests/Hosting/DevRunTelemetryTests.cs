using CheckoutOrchestrator.DevHost;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>The dev run gives its hosts only its own settings, except the standard OpenTelemetry variables.</summary>
public sealed class DevRunTelemetryTests
{
    [Fact]
    public void An_OTLP_endpoint_set_for_the_dev_run_reaches_the_hosts_it_starts()
    {
        const string Variable = "OTEL_EXPORTER_OTLP_HEADERS";
        Environment.SetEnvironmentVariable(Variable, "x-dev-run-test=1");
        try
        {
            var settings = LocalHostSettings.For(
                new Uri("http://127.0.0.1:9"),
                new Uri("http://127.0.0.1:9"),
                "-----BEGIN PUBLIC KEY-----",
                "127.0.0.1:7233",
                new TemporalSection(),
                [],
                new Uri("http://127.0.0.1:8233"));

            Assert.Equal("x-dev-run-test=1", settings[Variable]);
            Assert.DoesNotContain(settings.Keys, key => key.StartsWith("PATH", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
