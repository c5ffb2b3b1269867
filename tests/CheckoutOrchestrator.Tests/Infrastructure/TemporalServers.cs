namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// Which Temporal server binaries the tests launch. Unset, the SDK downloads the real ones; here CI
/// points both at the offline stand-in. A server that cannot be started fails the tests: none skip.
/// </summary>
public static class TemporalServers
{
    public static string? TestServerPath => Environment.GetEnvironmentVariable("TEMPORAL_TEST_SERVER_PATH") is { Length: > 0 } path ? path : null;

    public static string? DevServerPath => Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH") is { Length: > 0 } path ? path : null;
}
