using System.Security.Cryptography;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Opening;

/// <summary>
/// What makes two requests for one merchant reference "the same request": a hash of the
/// normalised request. A retry matches it; a different body under the same reference does not.
/// </summary>
public static class CheckoutFingerprint
{
    public static string Of(CheckoutRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
}
