// A merchant's backend in C#, from NSwag's client of the served document: opens a checkout at a
// named provider and one routed by the methods it accepts, waits, lists with filters, cancels, and
// lists the events. Prints what it saw, as JSON, for the contract test to check.
using System.Text.Json;
using Generated;

var (baseUrl, apiKey, reference) = (args[0], args[1], args[2]);
using var http = new HttpClient();
http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
var api = new CheckoutApi(http) { BaseUrl = baseUrl };

var redirects = new RedirectUrlsBody { Success = "https://shop.example.com/ok", Failure = "https://shop.example.com/failed" };
var named = await api.CreateCheckoutAsync(new CreateCheckoutBody
{
    MerchantReference = reference,
    Provider = CreateCheckoutBodyProvider.Lakipay,
    Amount = "250.30",
    Currency = CreateCheckoutBodyCurrency.ETB,
    Description = "Order 1",
    Customer = new CustomerBody { Name = "Abebe Kebede", Phone = "+251911234567", Email = "abebe@example.com" },
    RedirectUrls = redirects,
});
var routed = await api.CreateCheckoutAsync(new CreateCheckoutBody
{
    MerchantReference = reference + "-routed",
    Amount = "1500",
    Currency = CreateCheckoutBodyCurrency.KES,
    Description = "Order 2",
    Customer = new CustomerBody { Name = "Jane Wanjiru", Phone = "+254712345678", Email = "jane@example.com" },
    RedirectUrls = redirects,
    AllowedMethods = [PaymentMethod.Mpesa],
});
var waited = await api.GetCheckoutAsync(named.CheckoutId, "1");
var listed = await api.ListCheckoutsAsync(Status.Pending, Provider.Lakipay, reference, DateTimeOffset.UtcNow.AddHours(-1), false, null, null, 10, null);
var cancelled = await api.CancelCheckoutAsync(named.CheckoutId, new CancelCheckoutBody { Reason = "customer left" });
var events = await api.ListEventsAsync(named.CheckoutId, null, null, null, null);
string refusedField = null;
try
{
    await api.CreateCheckoutAsync(new CreateCheckoutBody { MerchantReference = reference + "-bad", Amount = "-1", Currency = CreateCheckoutBodyCurrency.ETB });
}
catch (ApiException<HttpValidationProblemDetails> refused)
{
    refusedField = string.Join(",", refused.Result.Errors.Keys);
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    checkoutId = named.CheckoutId,
    amount = named.Amount.Value,
    routedProvider = routed.Provider,
    routedUrl = routed.CheckoutUrl?.ToString(),
    waited = waited.Status.ToString(),
    listed = listed.Checkouts.Select(c => c.CheckoutId),
    cancelled = cancelled.Status.ToString(),
    events = events.Events.Select(e => e.Type.ToString()),
    refusedField,
}));
