using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Operators;

/// <summary>An operator's resolution of a review note: the outcome (<c>confirmed_paid</c>, …) and a note saying what was found and where.</summary>
public sealed record ResolveReviewBody(string? Outcome, string? Note)
{
    public const int MaxNoteLength = 2000;

    /// <summary>The outcome and the note, or what is wrong with each field.</summary>
    public (ReviewOutcome Outcome, string Note)? Read(List<FieldError> errors)
    {
        var outcome = JsonEnumNames.Parse<ReviewOutcome>(Outcome);
        if (outcome is null)
        {
            errors.Add(new("outcome", $"Must be one of {string.Join(", ", JsonEnumNames.All<ReviewOutcome>())}."));
        }

        var note = Note?.Trim() ?? string.Empty;
        if (note.Length is 0 or > MaxNoteLength || note.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(new("note", $"Must say what was found and where, in 1 to {MaxNoteLength} printable characters."));
        }

        return errors.Count == 0 ? (outcome!.Value, note) : null;
    }
}
