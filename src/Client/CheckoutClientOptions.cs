namespace CheckoutOrchestrator.Client;

/// <summary>Where the API is and which key to present.</summary>
public sealed class CheckoutClientOptions
{
    public Uri? BaseAddress { get; set; }

    public string? ApiKey { get; set; }
}
