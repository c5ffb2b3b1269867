namespace CheckoutOrchestrator.Client;

/// <summary>Where the API is and which key to present.</summary>
public sealed class CheckoutClientOptions
{
    /// <summary>The API's address, e.g. https://checkouts.example.com.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The merchant's API key (cok_...), sent as a bearer token.</summary>
    public string? ApiKey { get; set; }
}
