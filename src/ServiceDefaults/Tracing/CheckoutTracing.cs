using System.Diagnostics;
using Temporalio.Client.Interceptors;
using Temporalio.Worker.Interceptors;

namespace CheckoutOrchestrator.ServiceDefaults.Tracing;

/// <summary>
/// One trace per checkout, from the API request through Temporal to the provider's HTTP call: the
/// client's calls (start, update-with-start, signal, update) open a span and put its context on the
/// Temporal headers; the workflow picks it up, and the activities it schedules run under a span of
/// that trace, so their HTTP calls join it. Workflow spans are only emitted when the workflow is not
/// replaying, and never stay open across workflow tasks. Set on the client, it serves the worker too.
/// </summary>
public sealed class CheckoutTracing : IClientInterceptor, IWorkerInterceptor
{
    public const string SourceName = "CheckoutOrchestrator.Temporal";

    public static ActivitySource Source { get; } = new(SourceName);

    public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new ClientSpans(nextInterceptor);

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new WorkflowSpans(nextInterceptor);

    public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => new ActivitySpans(nextInterceptor);
}
