namespace CheckoutOrchestrator.Simulators.LakiPay;

/// <summary>
/// How the simulated LakiPay builds the string it signs, one switch per rendering LakiPay's sources
/// describe: with or without "medium", and numbers as written ("literal"), as JavaScript writes them
/// ("javascript": 100), as Python writes floats ("python": 100.0) or with two decimals ("twodecimals").
/// With <see cref="NullFieldAs"/> set, the callback carries a null field (its description), written in
/// the signed string as that text: "" (PHP, the guide), "null" (JavaScript) or "None" (Python).
/// </summary>
public sealed record LakiPaySigning(bool IncludeMedium = true, string Numbers = "literal", string? NullFieldAs = null);
