namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>
/// A click on a hosted page, with what a test may fix for this one payment: the method, whether its
/// callbacks are lost or delivered (null: as the provider's faults say), and whether the page stays
/// open after a failed attempt (null: as the provider's page switch says).
/// </summary>
public sealed record CustomerClick(string? Method = null, bool? CallbacksLost = null, bool? PageStaysOpen = null)
{
    /// <summary>Reads the form fields method, callbacks ("lost" or "delivered") and retry ("true").</summary>
    public static CustomerClick From(IFormCollection? form) => new(
        form?["method"].ToString() is { Length: > 0 } method ? method : null,
        form?["callbacks"].ToString() switch { "lost" => true, "delivered" => false, _ => null },
        form?["retry"].ToString() == "true" ? true : null);
}
