using System.Globalization;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// GET /checkouts/{id}?wait=30s: how long to hold the answer for the checkout to end. Seconds, with
/// or without "s"; longer waits are cut to <see cref="Max"/>, below common proxy timeouts.
/// </summary>
public static class WaitParameter
{
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    public static bool TryRead(string? text, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var digits = text.EndsWith('s') ? text[..^1] : text;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        wait = TimeSpan.FromSeconds(Math.Min(seconds, Max.TotalSeconds));
        return true;
    }
}
