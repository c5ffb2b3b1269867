using System.Diagnostics;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace CheckoutOrchestrator.ServiceDefaults.Tracing;

/// <summary>
/// Carries a W3C trace context (traceparent, tracestate) in a Temporal header, under the key the
/// SDK's own OpenTelemetry interceptor uses, so a later switch to it keeps traces joined.
/// </summary>
public static class TraceHeaders
{
    public const string Key = "_tracer-data";

    public static Dictionary<string, Payload> With(IDictionary<string, Payload>? headers, ActivityContext context)
    {
        var carrier = new Dictionary<string, string>
        {
            ["traceparent"] = $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}",
        };
        if (context.TraceState is { Length: > 0 } state)
        {
            carrier["tracestate"] = state;
        }

        var result = headers is null ? new Dictionary<string, Payload>() : new Dictionary<string, Payload>(headers);
        result[Key] = DataConverter.Default.PayloadConverter.ToPayload(carrier);
        return result;
    }

    public static ActivityContext? From(IReadOnlyDictionary<string, Payload>? headers)
    {
        if (headers is null || !headers.TryGetValue(Key, out var payload))
        {
            return null;
        }

        var carrier = DataConverter.Default.PayloadConverter.ToValue<Dictionary<string, string>>(payload);
        return carrier.TryGetValue("traceparent", out var parent)
            && ActivityContext.TryParse(parent, carrier.GetValueOrDefault("tracestate"), isRemote: true, out var context)
                ? context
                : null;
    }
}
