using System.Text;

namespace CheckoutOrchestrator.DevHost;

/// <summary>Where everything is, printed once the dev run is up.</summary>
public static class DevRunBanner
{
    public static string For(DevRun run)
    {
        var api = run.ApiUrl.AbsoluteUri.TrimEnd('/');
        var merchant = run.Merchants[0];
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine("CheckoutOrchestrator is running.")
            .AppendLine($"  API              {api}")
            .AppendLine($"  API reference    {api}/docs (OpenAPI document {api}/openapi/v1.json)")
            .AppendLine($"  Simulators       {run.SimulatorUrl.AbsoluteUri}simulator")
            .AppendLine($"  Merchant inbox   {run.SimulatorUrl.AbsoluteUri}merchant/inbox")
            .AppendLine(run.ForwardEventsTo is { } forward
                ? $"  Events           {merchant.Id}'s events go to {forward.AbsoluteUri} (DEV_FORWARD_EVENTS_TO), not to the inbox"
                : $"  Events           to the inbox; DEV_FORWARD_EVENTS_TO=http://localhost:4242/webhook sends them to your own receiver")
            .AppendLine($"  Merchant         {merchant.Id}, API key {merchant.ApiKey} (development only)")
            .AppendLine($"  Event signing    secret {merchant.NotificationSecret} (development only; verify Checkout-Signature with it)")
            .AppendLine($"  Temporal         {run.TemporalAddress} (namespace {run.Namespace})")
            .AppendLine(run.TemporalUiUrl is { } ui
                ? $"  Temporal UI      {ui.AbsoluteUri}namespaces/{run.Namespace}/workflows"
                : "  Temporal UI      not served by this Temporal server")
            .AppendLine($"  Codec endpoint   {api}/codec, operator token {DevRun.DevOperatorToken} ({DevRun.DevOperatorName}, development only)")
            .AppendLine($"  Review queue     curl -s '{api}/operator/checkouts?needsReview=true' -H 'Authorization: Bearer {DevRun.DevOperatorToken}' (docs/operations.md: working through reviews)")
            .AppendLine()
            .AppendLine("Try:")
            .AppendLine($"  curl -s {api}/checkouts -H 'Authorization: Bearer {merchant.ApiKey}' -H 'Content-Type: application/json' -d '{{\"merchantReference\":\"order-1\",\"provider\":\"lakipay\",\"amount\":\"250.00\",\"currency\":\"ETB\",\"description\":\"Order 1\",\"customer\":{{\"name\":\"Abebe Kebede\",\"phone\":\"+251911234567\",\"email\":\"abebe@example.com\"}},\"redirectUrls\":{{\"success\":\"https://shop.example.com/ok\",\"failure\":\"https://shop.example.com/failed\"}}}}'")
            .AppendLine("  then open the checkoutUrl, click Pay, and:")
            .AppendLine($"  curl -s '{api}/checkouts/<checkoutId>?wait=30s' -H 'Authorization: Bearer {merchant.ApiKey}'")
            .AppendLine("  and see the signed event in the merchant inbox.")
            .AppendLine($"  Failover: press Kiotapay's \"Fail every create\" at {run.SimulatorUrl.AbsoluteUri}simulator, then open a KES checkout")
            .AppendLine("  without \"provider\", with \"allowedMethods\":[\"mpesa\"]: it opens at the next provider and says why in \"routing\".")
            .AppendLine()
            .AppendLine("Ctrl+C stops everything.");
        return text.ToString();
    }
}
