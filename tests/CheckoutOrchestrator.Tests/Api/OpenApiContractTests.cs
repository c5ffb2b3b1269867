using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>
/// The OpenAPI document served by the running API, tried by tools nobody here wrote: a standard
/// linter must find no error, and a TypeScript client generated from it must type-check and open,
/// wait for, list and cancel a checkout. An endpoint the document does not describe fails here.
/// </summary>
public sealed class OpenApiContractTests : ApiTestBase
{
    public OpenApiContractTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task The_served_document_passes_a_standard_linter_without_errors()
    {
        await ContractTools.EnsureInstalledAsync();
        var document = await DownloadDocumentAsync();

        var lint = await ContractTools.ToolAsync("redocly", ["lint", "--format=stylish", document], Path.GetDirectoryName(document)!);

        Assert.True(lint.ExitCode == 0, lint.Output);
    }

    [Fact]
    public async Task A_client_generated_from_the_document_opens_waits_for_lists_and_cancels_a_checkout()
    {
        await ContractTools.EnsureInstalledAsync();
        var document = await DownloadDocumentAsync();
        var work = Path.GetDirectoryName(document)!;
        File.Copy(Path.Combine(ContractTools.Directory, "journey.ts"), Path.Combine(work, "journey.ts"));
        await File.WriteAllTextAsync(Path.Combine(work, "tsconfig.json"), """{ "extends": "../../tsconfig.json", "files": ["journey.ts"] }""");

        var generate = await ContractTools.ToolAsync("openapi-typescript", [document, "-o", Path.Combine(work, "schema.d.ts")], work);
        Assert.True(generate.ExitCode == 0, generate.Output);
        var compile = await ContractTools.ToolAsync("tsc", ["-p", Path.Combine(work, "tsconfig.json")], work);
        Assert.True(compile.ExitCode == 0, compile.Output);
        var reference = $"ts-client-{Guid.NewGuid():N}";
        var run = await ContractTools.ToolAsync("node", [Path.Combine(work, "journey.js"), Fixture.Run.ApiUrl.AbsoluteUri.TrimEnd('/'), DevMerchant.Shop.ApiKey, reference], work);
        Assert.True(run.ExitCode == 0, run.Output);

        var journey = JsonDocument.Parse(run.Stdout.Trim()).RootElement;
        var checkoutId = journey.GetProperty("checkoutId").GetString()!;
        Assert.Equal(("pending", "pending", "cancelled"), (journey.GetProperty("created").GetString(), journey.GetProperty("waited").GetString(), journey.GetProperty("cancelled").GetString()));
        Assert.Equal([checkoutId], journey.GetProperty("listed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((422, "amount"), (journey.GetProperty("refusedStatus").GetInt32(), journey.GetProperty("refusedFields")[0].GetString()));
        Assert.Equal("cancelled", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_create_body_is_required_exactly_where_the_api_requires_it()
    {
        var schema = (await Api.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!["components"]!["schemas"]!["CreateCheckoutBody"]!;
        var required = schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();
        var fields = schema["properties"]!.AsObject().Select(p => p.Key).ToList();

        foreach (var field in fields)
        {
            var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
            body.Remove(field);
            using var response = await PostCheckoutAsync(body);
            var answer = await response.Content.ReadAsStringAsync();
            var namesField = response.StatusCode == HttpStatusCode.BadRequest && answer.Contains($"\"{field}\"", StringComparison.Ordinal);
            Assert.True(namesField == required.Contains(field), $"{field} (required: {required.Contains(field)}) left out: {(int)response.StatusCode} {answer}");
        }
    }

    [Fact]
    public async Task Every_endpoint_the_api_maps_for_merchants_is_in_the_document_with_its_operation_id_and_security()
    {
        var document = (await Api.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .ToList();

        Assert.Equal(
            ["createCheckout", "listCheckouts", "getCheckout", "cancelCheckout", "listEvents", "redeliverEvent", "encodePayloads", "decodePayloads", "listReviewQueue", "resolveReview"],
            operations.Select(o => o.Operation["operationId"]!.GetValue<string>()));
        Assert.All(operations, o => Assert.NotEmpty(o.Operation["security"]!.AsArray()));
        Assert.Equal(
            ["checkout.succeeded", "checkout.failed", "checkout.expired", "checkout.cancelled", "checkout.late_payment", "checkout.needs_review", "checkout.review_resolved"],
            document["webhooks"]!.AsObject().Select(w => w.Key));
        Assert.Equal("CheckoutOrchestrator API", document["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_example_request_the_reference_page_fills_in_is_one_the_api_takes()
    {
        var document = (await Api.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!;
        var example = document["components"]!["schemas"]!["CreateCheckoutBody"]!["examples"]![0]!.DeepClone().AsObject();
        example["merchantReference"] = $"example-{Guid.NewGuid():N}"[..30];

        using var created = await PostCheckoutAsync(example);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["merchantKey"], document["paths"]!["/checkouts"]!["post"]!["security"]![0]!.AsObject().Select(s => s.Key));
    }

    [Fact]
    public async Task A_dotnet_client_nswag_generates_opens_named_and_routed_checkouts_waits_lists_cancels_and_lists_events()
    {
        var document = await DownloadDocumentAsync();
        var work = Path.GetDirectoryName(document)!;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ContractTools.Directory, "dotnet")))
        {
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
        }

        var reference = $"nswag-{Guid.NewGuid():N}"[..30];
        var generate = await ContractTools.DotnetAsync("nswag", "openapi2csclient", $"/input:{document}", $"/output:{Path.Combine(work, "CheckoutApi.cs")}", "/namespace:Generated", "/className:CheckoutApi");
        Assert.True(generate.ExitCode == 0, generate.Output);
        var run = await ContractTools.DotnetAsync("run", "--project", Path.Combine(work, "GeneratedClientJourney.csproj"), "--", Fixture.Run.ApiUrl.AbsoluteUri, DevMerchant.Shop.ApiKey, reference);
        Assert.True(run.ExitCode == 0, run.Output);

        var journey = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]).RootElement;
        var checkoutId = journey.GetProperty("checkoutId").GetString();
        Assert.Equal("250.30", journey.GetProperty("amount").GetString());
        Assert.Equal("kiotapay", journey.GetProperty("routedProvider").GetString());
        Assert.NotNull(journey.GetProperty("routedUrl").GetString());
        Assert.Equal(("Pending", "Cancelled"), (journey.GetProperty("waited").GetString(), journey.GetProperty("cancelled").GetString()));
        Assert.Equal([checkoutId], journey.GetProperty("listed").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("checkout.cancelled", journey.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("amount", journey.GetProperty("refusedField").GetString());
    }

    private async Task<string> DownloadDocumentAsync()
    {
        var work = Path.Combine(ContractTools.Directory, "out", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var path = Path.Combine(work, "openapi.json");
        await File.WriteAllTextAsync(path, await Api.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return path;
    }
}
