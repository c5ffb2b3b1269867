using System.Globalization;
using CheckoutOrchestrator.Notifications;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Merchants;

/// <summary>
/// Refuses at start-up a merchant configuration that would fail later, one message per broken setting:
/// the settings the host reads, so the API never needs the event-signing secrets only the worker uses.
/// </summary>
public sealed class MerchantAccountsValidation : IValidateOptions<MerchantAccounts>
{
    public const int MaxActiveKeys = 2;
    public const int MinSecretLength = 32;

    private readonly IOptions<NotificationOptions> notifications;
    private readonly bool signsEvents;

    public MerchantAccountsValidation(IOptions<NotificationOptions> notifications, bool signsEvents)
    {
        this.notifications = notifications;
        this.signsEvents = signsEvents;
    }

    public ValidateOptionsResult Validate(string? name, MerchantAccounts options)
    {
        var failures = new List<string>();
        if (options.Count == 0)
        {
            // A misspelt section would otherwise start a host that answers every merchant 401.
            failures.Add($"{MerchantAccounts.Section}: no merchant is configured.");
        }

        foreach (var (merchantId, merchant) in options)
        {
            var at = $"{MerchantAccounts.Section}:{merchantId}";
            if (!MerchantIds.IsValid(merchantId))
            {
                failures.Add($"{at}: a merchant id is 1 to {MerchantIds.MaxLength} letters, digits, '-', '_' or '.'.");
            }

            if (merchant.ApiKeySha256.Count is 0 or > MaxActiveKeys || !merchant.ApiKeySha256.All(IsSha256Hex))
            {
                failures.Add($"{at}:ApiKeySha256 holds 1 or {MaxActiveKeys} SHA-256 hashes (64 hex digits) of API keys.");
            }

            if (signsEvents && (merchant.NotificationSecrets.Count is 0 or > MaxActiveKeys || merchant.NotificationSecrets.Any(s => s.Length < MinSecretLength)))
            {
                failures.Add($"{at}:NotificationSecrets holds 1 or {MaxActiveKeys} secrets of at least {MinSecretLength} characters.");
            }

            if (merchant.NotificationUrl is { } url && !NotificationUrls.IsAcceptable(url, notifications.Value.AllowPlainHttp))
            {
                failures.Add($"{at}:NotificationUrl: {NotificationUrls.Rule(notifications.Value.AllowPlainHttp)}");
            }

            if (merchant.RequestsPerMinute < 1)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}:RequestsPerMinute must be at least 1."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSha256Hex(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
