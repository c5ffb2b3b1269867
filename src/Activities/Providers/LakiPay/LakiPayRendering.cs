namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>One way LakiPay may build the string it signs: with or without "medium", and how numbers are written.</summary>
public sealed record LakiPayRendering(bool IncludeMedium, LakiPayNumberStyle Numbers);
