using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Converters;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

[Collection(DevRunGroup.Name)]
public abstract class ApiTestBase
{
    private static readonly string[] FinalStatuses = ["succeeded", "failed", "expired", "cancelled"];

    protected ApiTestBase(DevRunFixture fixture)
    {
        Fixture = fixture;
    }

    protected DevRunFixture Fixture { get; }

    protected HttpClient Api => Fixture.Api;

    /// <summary>The API's callback and return URLs, as it gives them to providers.</summary>
    protected CallbackUrls Urls => Fixture.Run.ApiServices.GetRequiredService<CallbackUrls>();

    protected static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Waits until the condition holds, failing the test after <paramref name="within"/> (30 s unless said).</summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "it never happened");
            await Task.Delay(100);
        }
    }

    protected Task<HttpResponseMessage> PostCheckoutAsync(JsonNode body) =>
        Api.PostAsync(new Uri("/checkouts", UriKind.Relative), new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    protected async Task<JsonElement> OpenAsync(JsonNode body)
    {
        using var response = await PostCheckoutAsync(body);
        var json = await JsonOf(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToString());
        return json;
    }

    protected async Task<JsonElement> GetCheckoutAsync(string checkoutId) =>
        await Api.GetFromJsonAsync<JsonElement>($"/checkouts/{checkoutId}");

    /// <summary>Reads the checkout until it is final, as a merchant polling GET /checkouts/{id} would.</summary>
    protected async Task<JsonElement> FinalStateAsync(string checkoutId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var checkout = await GetCheckoutAsync(checkoutId);
            if (FinalStatuses.Contains(checkout.GetProperty("status").GetString()))
            {
                return checkout;
            }

            Assert.True(DateTime.UtcNow < deadline, $"checkout {checkoutId} is still {checkout.GetProperty("status")}");
            await Task.Delay(100);
        }
    }

    /// <summary>Reads the checkout until it shows what the test waits for.</summary>
    protected async Task<JsonElement> EventuallyAsync(string checkoutId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var checkout = await GetCheckoutAsync(checkoutId);
            if (condition(checkout))
            {
                return checkout;
            }

            Assert.True(DateTime.UtcNow < deadline, $"checkout {checkoutId} never got there: {checkout}");
            await Task.Delay(100);
        }
    }

    /// <summary>Where the customer acts: the checkout URL, or for Adullam the phone that got the prompt.</summary>
    protected async Task<Uri> CustomerPageAsync(PaymentProvider provider, JsonElement opened)
    {
        if (provider != PaymentProvider.Adullam)
        {
            var url = new Uri(opened.GetProperty("checkoutUrl").GetString()!);
            using var page = await Fixture.Simulators.Http.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
            return url;
        }

        var action = opened.GetProperty("action");
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("checkoutUrl").ValueKind);
        Assert.Equal(CustomerAction.ApproveOnPhone, action.GetProperty("kind").GetString());
        return new Uri(Fixture.Run.SimulatorUrl, $"adullam/phone/{opened.GetProperty("providerSessionId").GetString()}");
    }

    /// <summary>Clicks a button on a hosted page or the Adullam phone page.</summary>
    protected async Task ChooseAsync(Uri page, string choice)
    {
        using var response = await Fixture.Simulators.ChooseAsync(page, choice);
        Assert.True((int)response.StatusCode is 200 or 302, $"{page}/{choice} answered {response.StatusCode}");
    }

    protected async Task<int> SessionsAsync(string provider) => (await Fixture.Simulators.CountsAsync(provider)).Sessions;

    /// <summary>Waits until the checkout's workflow has closed, not only reported a final status.</summary>
    protected async Task WaitUntilClosedAsync(string checkoutId) =>
        await Fixture.Temporal.GetWorkflowHandle(checkoutId).GetResultAsync<JsonElement>();

    /// <summary>Posts a body to a URL of the API as a provider would (no merchant key needed on webhook paths).</summary>
    protected async Task<HttpResponseMessage> PostRawAsync(Uri url, string body) =>
        await Api.PostAsync(url, new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Every provider callback the checkout's histories hold (all its runs, oldest first), one list per signal.</summary>
    protected async Task<IReadOnlyList<IReadOnlyList<ProviderEvent>>> SignalsAsync(string checkoutId)
    {
        var runs = new List<(DateTime Started, string RunId)>();
        await foreach (var run in Fixture.Temporal.ListWorkflowsAsync($"WorkflowId = '{checkoutId}'"))
        {
            runs.Add((run.StartTime, run.RunId));
        }

        // Visibility may lag behind a run just started: the latest run is asked for by name too.
        var latest = await Fixture.Temporal.GetWorkflowHandle(checkoutId).DescribeAsync();
        var runIds = runs.OrderBy(r => r.Started).Select(r => r.RunId).Append(latest.RunId).Distinct();
        var converter = Fixture.Temporal.Options.DataConverter;
        var signals = new List<IReadOnlyList<ProviderEvent>>();
        foreach (var runId in runIds)
        {
            var history = await Fixture.Temporal.GetWorkflowHandle(checkoutId, runId).FetchHistoryAsync();
            foreach (var signal in history.Events.Select(e => e.WorkflowExecutionSignaledEventAttributes).Where(s => s is not null))
            {
                signals.Add([.. (await converter.ToValueAsync<ProviderEvent>(signal.Input.Payloads_[0])).Arrivals()]);
            }
        }

        return signals;
    }
}
