namespace CheckoutOrchestrator.Providers;

/// <summary>
/// A provider answered with an error inside a successful HTTP response (LakiPay's
/// <c>status: "ERROR"</c> on HTTP 200, Chpter's <c>status: false</c>).
/// </summary>
public sealed class ProviderRejectedException : Exception
{
    public ProviderRejectedException(int httpStatus, string? code, string? providerMessage, bool isTransient = false)
        : base($"Provider rejected the request: {code} {providerMessage}")
    {
        HttpStatus = httpStatus;
        Code = code;
        ProviderMessage = providerMessage;
        IsTransient = isTransient;
    }

    public ProviderRejectedException()
    {
    }

    public ProviderRejectedException(string message)
        : base(message)
    {
    }

    public ProviderRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int HttpStatus { get; }

    public string? Code { get; }

    public string? ProviderMessage { get; }

    /// <summary>The provider documents this error as possibly transient.</summary>
    public bool IsTransient { get; }
}
