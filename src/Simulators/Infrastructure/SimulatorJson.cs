using System.Text.Json;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

public static class SimulatorJson
{
    /// <summary>Callback bodies keep the property names exactly as each simulator declares them.</summary>
    public static JsonSerializerOptions Verbatim { get; } = new();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Verbatim);
}
