namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>
/// One way LakiPay may build the string it signs: with or without "medium", how numbers are written,
/// and how a null field is written ("" as PHP and the guide do, "null" as JavaScript's String(null)
/// and the JSON text, "None" as Python's str(None)).
/// </summary>
public sealed record LakiPayRendering(bool IncludeMedium, LakiPayNumberStyle Numbers, string NullAs = "");
