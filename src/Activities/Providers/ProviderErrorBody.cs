using System.Text.Json;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// Reads a provider's error code and message from whichever envelope it uses:
/// <c>{error_code, message, errors}</c> (LakiPay), <c>{error, message, param, code}</c> (Waftpay),
/// <c>{status, message}</c> (Kiotapay), <c>{message}</c> (Chpter), or Adullam's undocumented shape.
/// </summary>
public static class ProviderErrorBody
{
    private const int MaxMessageLength = 300;

    public static (string? Code, string? Message) Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, Truncate(body));
            }

            var error = root.TryGetProperty("error", out var e) ? e : default;
            var code = Text(root, "error_code") ?? Text(root, "code") ?? Text(error, "code")
                ?? (error.ValueKind == JsonValueKind.String ? error.GetString() : null);
            var message = Text(root, "message") ?? Text(error, "message") ?? Text(root, "description") ?? Text(root, "detail");
            var field = Text(root, "param") ?? FirstFieldError(root);
            return (code, Truncate(field is null ? message : $"{message} ({field})"));
        }
        catch (JsonException)
        {
            return (null, Truncate(body));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? FirstFieldError(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var field in errors.EnumerateObject())
        {
            var detail = field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() > 0
                ? field.Value[0].ToString()
                : field.Value.ToString();
            return $"{field.Name}: {detail}";
        }

        return null;
    }

    private static string? Truncate(string? text) =>
        text is { Length: > MaxMessageLength } ? text[..MaxMessageLength] : text;
}
