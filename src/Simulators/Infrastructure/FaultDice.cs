using System.Security.Cryptography;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>The draws behind the fault rates.</summary>
public static class FaultDice
{
    private const int Scale = 1_000_000;

    /// <summary>True with probability <paramref name="rate"/> (0 to 1).</summary>
    public static bool Chance(double rate) => rate > 0 && RandomNumberGenerator.GetInt32(Scale) < rate * Scale;

    /// <summary>A number from 0 to <paramref name="count"/> - 1.</summary>
    public static int Pick(int count) => RandomNumberGenerator.GetInt32(count);
}
