using CheckoutOrchestrator.Checkouts;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// What a checkout counts, through <see cref="Workflow.MetricMeter"/>: the SDK drops these while a
/// workflow replays, so each is counted once however often a worker replays the checkout.
/// </summary>
internal static class CheckoutMetrics
{
    public static void Started(PaymentProvider provider) =>
        Workflow.MetricMeter.CreateCounter<long>("checkout_started", "{checkout}", "Checkouts started, by provider.")
            .WithTags(Tags(provider)).Add(1);

    public static void Ended(PaymentProvider provider, PaymentStatus status, TimeSpan elapsed)
    {
        var tags = Tags(provider, ("status", status.ToString().ToLowerInvariant()));
        Workflow.MetricMeter.CreateCounter<long>("checkout_ended", "{checkout}", "Checkouts that reached a final state, by provider and status.")
            .WithTags(tags).Add(1);
        Workflow.MetricMeter.CreateHistogram<double>("checkout_time_to_final", "s", "From start to final state, by provider and status.")
            .WithTags(tags).Record(elapsed.TotalSeconds);
    }

    public static void LookedUp(PaymentProvider provider, StatusSource source) =>
        Workflow.MetricMeter.CreateCounter<long>("checkout_status_lookups", "{lookup}", "Provider status lookups, by provider and what prompted them.")
            .WithTags(Tags(provider, ("source", source.ToString().ToLowerInvariant()))).Add(1);

    public static void LatePayment(PaymentProvider provider) =>
        Workflow.MetricMeter.CreateCounter<long>("checkout_late_payments", "{checkout}", "Payments recorded after the checkout had ended.")
            .WithTags(Tags(provider)).Add(1);

    public static void FlaggedForReview(PaymentProvider provider) =>
        Workflow.MetricMeter.CreateCounter<long>("checkout_review_flags", "{flag}", "Review notes added to checkouts.")
            .WithTags(Tags(provider)).Add(1);

    public static void CallbackDistrusted(PaymentProvider provider, string reason) =>
        Workflow.MetricMeter.CreateCounter<long>("checkout_callbacks_distrusted", "{callback}", "Authenticated callbacks whose body names another checkout: a security event.")
            .WithTags(Tags(provider, ("reason", reason))).Add(1);

    /// <summary>Counts what a publication says happened: an end, a late payment, new review reasons.</summary>
    public static void Published(Publication publication, CheckoutSnapshot checkout, DateTimeOffset now)
    {
        if (publication.Ended)
        {
            Ended(checkout.Provider, checkout.Status, now - checkout.CreatedAt);
        }

        if (publication.LatePayment)
        {
            LatePayment(checkout.Provider);
        }

        for (var i = 0; i < publication.NewReviews; i++)
        {
            FlaggedForReview(checkout.Provider);
        }
    }

    private static Dictionary<string, object> Tags(PaymentProvider provider, params (string Key, string Value)[] more)
    {
        var tags = new Dictionary<string, object> { ["provider"] = provider.ToSlug() };
        foreach (var (key, value) in more)
        {
            tags[key] = value;
        }

        return tags;
    }
}
