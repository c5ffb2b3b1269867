namespace CheckoutOrchestrator.Providers;

/// <summary>Our own client-side limit for a provider is exhausted; the request was not sent.</summary>
public sealed class LocalRateLimitException : Exception
{
    public LocalRateLimitException(TimeSpan? retryAfter)
        : base("Client-side rate limit for the provider is exhausted; the request was not sent.")
    {
        RetryAfter = retryAfter;
    }

    public LocalRateLimitException()
    {
    }

    public LocalRateLimitException(string message)
        : base(message)
    {
    }

    public LocalRateLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan? RetryAfter { get; }
}
