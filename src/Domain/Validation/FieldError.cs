namespace CheckoutOrchestrator.Validation;

/// <summary>One reason a field of a checkout request cannot be accepted, named by its JSON path.</summary>
public sealed record FieldError(string Field, string Message);
