using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Api.Operators;

/// <summary>An operator's resolution of a review note: the outcome (<c>confirmed_paid</c>, …) and a note saying what was found and where.</summary>
public sealed record ResolveReviewBody(string? Outcome, string? Note)
{
    public const int MaxNoteLength = 2000;

    private static readonly Dictionary<string, ReviewOutcome> Outcomes =
        Enum.GetValues<ReviewOutcome>().ToDictionary(o => JsonSerializer.Serialize(o).Trim('"'), StringComparer.OrdinalIgnoreCase);

    /// <summary>The outcome and the note, or what is wrong with each field.</summary>
    public (ReviewOutcome Outcome, string Note)? Read(List<FieldError> errors)
    {
        var known = Outcomes.TryGetValue(Outcome ?? string.Empty, out var outcome);
        if (!known)
        {
            errors.Add(new("outcome", $"Must be one of {string.Join(", ", Outcomes.Keys)}."));
        }

        var note = Note?.Trim() ?? string.Empty;
        if (note.Length is 0 or > MaxNoteLength || note.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(new("note", $"Must say what was found and where, in 1 to {MaxNoteLength} printable characters."));
        }

        return errors.Count == 0 ? (outcome, note) : null;
    }
}
