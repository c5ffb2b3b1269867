using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Opening;

/// <summary>One POST /checkouts: its own id, and the fingerprint of the request it carries.</summary>
public sealed record OpenRequest(string Id, string Fingerprint)
{
    public static OpenRequest For(CheckoutRequest request, string id) => new(id, CheckoutFingerprint.Of(request));

    /// <summary>
    /// The one rule for "the same reference, a different request": a checkout opened with another
    /// fingerprint is a conflict, however this POST finds it (its history, or its present state).
    /// </summary>
    public bool IsSameAs(string fingerprint) => string.Equals(fingerprint, Fingerprint, StringComparison.Ordinal);
}
