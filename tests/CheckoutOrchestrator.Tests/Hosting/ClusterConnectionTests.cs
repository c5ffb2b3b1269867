using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.ServiceDefaults;
using CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;
using CheckoutOrchestrator.ServiceDefaults.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Temporalio.Client;
using Temporalio.Converters;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>
/// Every way an operator points the hosts at a cluster, read through Temporal's own environment
/// configuration: what the client would connect with.
/// </summary>
public sealed class ClusterConnectionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("temporal-config-").FullName;

    [Fact]
    public void Nothing_configured_is_a_local_plain_text_cluster()
    {
        var options = ClusterConnection.From(Configuration());

        Assert.Equal(("localhost:7233", "default", null, null), (options.TargetHost, options.Namespace, options.ApiKey, options.Tls));
    }

    [Fact]
    public void A_self_hosted_cluster_by_address_and_namespace()
    {
        var options = ClusterConnection.From(Configuration(("TEMPORAL_ADDRESS", "temporal.internal:7233"), ("TEMPORAL_NAMESPACE", "checkouts")));

        Assert.Equal(("temporal.internal:7233", "checkouts"), (options.TargetHost, options.Namespace));
        Assert.Null(options.Tls);
    }

    [Fact]
    public void Temporal_Cloud_with_an_API_key_connects_over_TLS()
    {
        var options = ClusterConnection.From(Configuration(
            ("TEMPORAL_ADDRESS", "eu-west-1.aws.api.temporal.io:7233"), ("TEMPORAL_NAMESPACE", "payments.abc12"), ("TEMPORAL_API_KEY", "cloud-api-key")));

        Assert.Equal(("eu-west-1.aws.api.temporal.io:7233", "payments.abc12", "cloud-api-key"), (options.TargetHost, options.Namespace, options.ApiKey));
        Assert.NotNull(options.Tls);
    }

    [Fact]
    public void Temporal_Cloud_with_mTLS_presents_the_client_certificate()
    {
        var (cert, key) = CertificateFiles();

        var options = ClusterConnection.From(Configuration(
            ("TEMPORAL_ADDRESS", "payments.abc12.tmprl.cloud:7233"),
            ("TEMPORAL_NAMESPACE", "payments.abc12"),
            ("TEMPORAL_TLS_CLIENT_CERT_PATH", cert),
            ("TEMPORAL_TLS_CLIENT_KEY_PATH", key)));

        Assert.Equal(File.ReadAllBytes(cert), options.Tls?.ClientCert);
        Assert.Equal(File.ReadAllBytes(key), options.Tls?.ClientPrivateKey);
        Assert.Null(options.ApiKey);
    }

    [Fact]
    public void A_TLS_secured_self_hosted_cluster_with_its_server_name()
    {
        var options = ClusterConnection.From(Configuration(
            ("TEMPORAL_ADDRESS", "temporal.example.com:7233"), ("TEMPORAL_TLS", "true"), ("TEMPORAL_TLS_SERVER_NAME", "temporal.example.com")));

        Assert.Equal("temporal.example.com", options.Tls?.Domain);
    }

    [Fact]
    public void A_profile_in_temporal_toml_and_an_environment_variable_over_it()
    {
        var (cert, key) = CertificateFiles();
        var file = Path.Combine(folder, "temporal.toml");
        var toml = $"""
            [profile.cloud]
            address = "payments.abc12.tmprl.cloud:7233"
            namespace = "payments.abc12"
            api_key = "toml-api-key"

            [profile.mtls]
            address = "temporal.example.com:7233"
            namespace = "checkouts"
            [profile.mtls.tls]
            client_cert_path = "{cert}"
            client_key_path = "{key}"
            server_name = "temporal.example.com"
            """;
        File.WriteAllText(file, toml);

        var cloud = ClusterConnection.From(Configuration(("TEMPORAL_CONFIG_FILE", file), ("TEMPORAL_PROFILE", "cloud"), ("TEMPORAL_NAMESPACE", "payments.override")));
        var mtls = ClusterConnection.From(Configuration(("TEMPORAL_CONFIG_FILE", file), ("TEMPORAL_PROFILE", "mtls")));

        Assert.Equal(("payments.abc12.tmprl.cloud:7233", "payments.override", "toml-api-key"), (cloud.TargetHost, cloud.Namespace, cloud.ApiKey));
        Assert.NotNull(cloud.Tls);
        Assert.Equal(("temporal.example.com:7233", "temporal.example.com"), (mtls.TargetHost, mtls.Tls?.Domain));
        Assert.Equal(File.ReadAllBytes(cert), mtls.Tls?.ClientCert);
    }

    [Fact]
    public void The_appsettings_overlay_wins_and_an_API_key_there_also_means_TLS()
    {
        var options = ClusterConnection.From(Configuration(
            ("TEMPORAL_ADDRESS", "from-env:7233"), ("Temporal:Address", "from-appsettings:7233"), ("Temporal:Namespace", "checkouts"), ("Temporal:ApiKey", "overlay-key")));

        Assert.Equal(("from-appsettings:7233", "checkouts", "overlay-key"), (options.TargetHost, options.Namespace, options.ApiKey));
        Assert.NotNull(options.Tls);
    }

    [Theory]
    [InlineData("TEMPORAL_ADDRESS", "temporal.internal:7233", true)]
    [InlineData("Temporal:Address", "temporal.internal:7233", true)]
    [InlineData("Temporal:Namespace", "checkouts", false)]
    public void The_dev_run_embeds_a_server_only_when_no_cluster_is_named(string key, string value, bool namesACluster)
    {
        Assert.Equal(namesACluster, ClusterConnection.NamesACluster(Configuration((key, value))));
        Assert.Equal(namesACluster, DevRunOptions.From(new DevSettings(), Configuration((key, value))).ExistingTemporalAddress is not null);
    }

    [Fact]
    public void The_hosts_client_encrypts_payloads_and_carries_traces()
    {
        var configuration = Configuration(
            ("TEMPORAL_ADDRESS", "temporal.internal:7233"),
            ($"{PayloadEncryptionOptions.Section}:Keys:k1", DevRun.DevPayloadKey),
            ($"{PayloadEncryptionOptions.Section}:EncryptWith", "k1"));
        using var services = new ServiceCollection().AddLogging().AddCheckoutTemporalClient(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<TemporalClientConnectOptions>>().Value;

        Assert.Equal("temporal.internal:7233", options.TargetHost);
        Assert.IsType<AesGcmPayloadCodec>(options.DataConverter.PayloadCodec);
        Assert.IsType<DefaultFailureConverter.WithEncodedCommonAttributes>(options.DataConverter.FailureConverter);
        Assert.Contains(options.Interceptors!, i => i is CheckoutTracing);
        Assert.NotNull(options.Runtime);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private (string Cert, string Key) CertificateFiles()
    {
        var cert = Path.Combine(folder, "client.pem");
        var key = Path.Combine(folder, "client.key");
        File.WriteAllText(cert, "-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----\n");
        File.WriteAllText(key, "-----BEGIN PRIVATE KEY-----\nMIIBtest\n-----END PRIVATE KEY-----\n");
        return (cert, key);
    }
}
