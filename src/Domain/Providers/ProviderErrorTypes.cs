namespace CheckoutOrchestrator.Providers;

/// <summary>
/// Error types of the application failures raised by provider calls. Temporal retries the
/// retryable ones; the API maps the rest to problem details.
/// </summary>
public static class ProviderErrorTypes
{
    /// <summary>The provider refused the request as invalid (4xx or an error envelope). Not retried.</summary>
    public const string Rejected = "ProviderRejectedRequest";

    /// <summary>Our credentials were refused (401/403 after one token renewal). Not retried.</summary>
    public const string AuthenticationFailed = "ProviderAuthenticationFailed";

    /// <summary>429 from the provider, or our own client-side limit. Retried after Retry-After.</summary>
    public const string RateLimited = "ProviderRateLimited";

    /// <summary>5xx, or a connection dropped after the request was sent. Retried.</summary>
    public const string Unavailable = "ProviderUnavailable";

    /// <summary>408 or no answer in time. Retried.</summary>
    public const string Timeout = "ProviderTimeout";

    /// <summary>The request never left: name resolution or connection refused. Retried.</summary>
    public const string Unreachable = "ProviderUnreachable";

    /// <summary>
    /// A create may have opened a session we cannot find again (no idempotency, no lookup by
    /// reference). Not retried, so no second session is opened behind the merchant's back.
    /// </summary>
    public const string CreateOutcomeUnknown = "ProviderCreateOutcomeUnknown";

    /// <summary>A 2xx answer we cannot read. Not retried.</summary>
    public const string InvalidResponse = "ProviderResponseInvalid";

    /// <summary>The checkout request breaks a provider rule; caught before anything is sent.</summary>
    public const string InvalidCheckoutRequest = "InvalidCheckoutRequest";

    /// <summary>The worker has no configuration for this provider.</summary>
    public const string NotConfigured = "ProviderNotConfigured";

    /// <summary>The provider offers no such operation (e.g. a status lookup at Chpter).</summary>
    public const string NotSupported = "ProviderOperationNotSupported";
}
