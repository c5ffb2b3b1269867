using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Harness;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// Every endpoint fed what a careless or hostile client sends: none may answer 5xx, every refusal
/// must be a problem document, and none may reach a provider.
/// </summary>
public static class BadInputRun
{
    public static async Task<BadInputReport> RunAsync(Uri apiUrl, Uri simulatorUrl, string apiKey)
    {
        using var http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        using var simulator = new HttpClient { BaseAddress = simulatorUrl };
        var before = await ProviderCallsAsync(simulator);
        var offenders = new List<string>();
        var (inputs, serverErrors, notProblems, byServer) = (0, 0, 0, 0);
        foreach (var (label, request) in Requests())
        {
            inputs++;
            using var message = request();
            using var response = await http.SendAsync(message);
            var status = (int)response.StatusCode;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status >= 500)
            {
                serverErrors++;
                offenders.Add($"{label}: {status}");
            }
            else if (status == 400 && response.Content.Headers.ContentType is null && label.StartsWith("GET /checkouts/%00", StringComparison.Ordinal))
            {
                // Kestrel refuses a NUL in the path before any application code runs: no body to give.
                byServer++;
            }
            else if (status >= 400 && !isProblem)
            {
                notProblems++;
                offenders.Add($"{label}: {status} without problem details");
            }
            else if (status < 400)
            {
                offenders.Add($"{label}: accepted with {status}");
            }
        }

        var providerCalls = await ProviderCallsAsync(simulator) - before;
        return new BadInputReport(inputs, serverErrors, notProblems, byServer, providerCalls, offenders);
    }

    private static async Task<int> ProviderCallsAsync(HttpClient simulator)
    {
        var total = 0;
        foreach (var provider in ChaosReport.Providers)
        {
            var stats = await simulator.GetFromJsonAsync<JsonObject>($"/simulator/{provider.ToSlug()}/stats");
            total += (int)stats!["creates"]! + (int)stats["statusLookups"]!;
        }

        return total;
    }

    private static IEnumerable<(string Label, Func<HttpRequestMessage> Request)> Requests()
    {
        foreach (var (label, body) in CheckoutBodies())
        {
            yield return ($"POST /checkouts {label}", () => Json(HttpMethod.Post, "/checkouts", body));
        }

        yield return ("POST /checkouts as text/plain", () => new HttpRequestMessage(HttpMethod.Post, "/checkouts") { Content = new StringContent(Valid().ToJsonString(), Encoding.UTF8, "text/plain") });
        yield return ("POST /checkouts 10 MB", () => Json(HttpMethod.Post, "/checkouts", $"{{\"description\":\"{new string('x', 10 * 1024 * 1024)}\"}}"));
        yield return ("POST /checkouts nested 10 000 deep", () => Json(HttpMethod.Post, "/checkouts", new string('[', 10_000) + new string(']', 10_000)));
        yield return ("PUT /checkouts", () => Json(HttpMethod.Put, "/checkouts", Valid().ToJsonString()));
        yield return ("DELETE /checkouts/{id}", () => new HttpRequestMessage(HttpMethod.Delete, "/checkouts/co_0000"));
        yield return ("PATCH /checkouts/{id}/cancel", () => new HttpRequestMessage(HttpMethod.Patch, "/checkouts/co_0000/cancel"));
        foreach (var query in new[] { "status=bogus", "pageSize=-1", "pageSize=100000", "createdAfter=yesterday", "provider=paypal", "needsReview=maybe", "pageToken=%00%01", "reference=" + Uri.EscapeDataString("' OR 1=1 --") })
        {
            yield return ($"GET /checkouts?{query}", () => new HttpRequestMessage(HttpMethod.Get, $"/checkouts?{query}"));
        }

        foreach (var path in new[] { "/checkouts/co_unknown", "/checkouts/%00%0A", "/checkouts/" + new string('a', 5000), "/checkouts/co_x?wait=999h", "/checkouts/co_x?wait=abc", "/checkouts/co_x?wait=-5s" })
        {
            yield return ($"GET {path[..Math.Min(path.Length, 40)]}", () => new HttpRequestMessage(HttpMethod.Get, path));
        }

        yield return ("POST cancel unknown", () => Json(HttpMethod.Post, "/checkouts/co_unknown/cancel", "{}"));
        yield return ("POST cancel reason 12", () => Json(HttpMethod.Post, "/checkouts/co_unknown/cancel", "{\"reason\": 12}"));
        yield return ("POST cancel reason 1 MB", () => Json(HttpMethod.Post, "/checkouts/co_unknown/cancel", $"{{\"reason\":\"{new string('r', 1024 * 1024)}\"}}"));
        foreach (var provider in new[] { "kiotapay", "lakipay", "waftpay", "chpter", "adullam", "paypal" })
        {
            yield return ($"POST /webhooks/{provider} garbage", () => Json(HttpMethod.Post, $"/webhooks/{provider}?checkout=co_x&token=abc", "{not json"));
            yield return ($"POST /webhooks/{provider} 10 MB", () => Json(HttpMethod.Post, $"/webhooks/{provider}", $"{{\"x\":\"{new string('x', 10 * 1024 * 1024)}\"}}"));
            yield return ($"POST /webhooks/{provider} injection", () => Json(HttpMethod.Post, $"/webhooks/{provider}?checkout=%27%20OR%201%3D1&token=%3Cscript%3E", "{\"status\":\"<script>alert(1)</script>\",\"amount\":\"1e309\"}"));
        }

        yield return ("POST /codec/decode without a token", () => Json(HttpMethod.Post, "/codec/decode", "{\"payloads\":[]}"));
    }

    private static IEnumerable<(string Label, string Body)> CheckoutBodies()
    {
        yield return ("not JSON", "{");
        yield return ("empty object", "{}");
        yield return ("array", "[]");
        yield return ("null", "null");
        var cases = new (string Label, Action<JsonObject> Change)[]
        {
            ("amount true", b => b["amount"] = true),
            ("amount negative", b => b["amount"] = "-10"),
            ("amount too precise", b => b["amount"] = "10.123456"),
            ("amount huge", b => b["amount"] = "1e400"),
            ("amount NaN", b => b["amount"] = "NaN"),
            ("currency unknown", b => b["currency"] = "XYZ"),
            ("currency lowercase injection", b => b["currency"] = "kes'; DROP TABLE x; --"),
            ("provider unknown", b => b["provider"] = "paypal"),
            ("provider number", b => b["provider"] = 5),
            ("customer string", b => b["customer"] = "Jane"),
            ("phone letters", b => b["customer"]!["phone"] = "call me"),
            ("phone too short", b => b["customer"]!["phone"] = "+1"),
            ("email broken", b => b["customer"]!["email"] = "jane@@"),
            ("redirect javascript", b => b["redirectUrls"]!["success"] = "javascript:alert(1)"),
            ("redirect not a url", b => b["redirectUrls"]!["failure"] = "not a url"),
            ("notification url ftp", b => b["notificationUrl"] = "ftp://shop.example.com/events"),
            ("description control characters", b => b["description"] = "Order\u0000\u0007\u001b[31m"),
            ("description 100 000 chars", b => b["description"] = new string('d', 100_000)),
            ("reference 10 000 chars", b => b["merchantReference"] = new string('r', 10_000)),
            ("reference script", b => b["merchantReference"] = "<script>alert(1)</script>"),
            ("expiry negative", b => b["expiresInSeconds"] = -1),
            ("expiry a year", b => b["expiresInSeconds"] = 31_536_000),
            ("expiry string", b => b["expiresInSeconds"] = "soon"),
            ("another merchant", b => b["merchantId"] = "someone-else"),
        };
        foreach (var (label, change) in cases)
        {
            var body = Valid();
            change(body);
            yield return (label, body.ToJsonString());
        }
    }

    private static JsonObject Valid() => Harness.CheckoutBodies.For(PaymentProvider.Kiotapay, "bad-input", 600);

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
