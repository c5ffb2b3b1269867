using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>Time: the deadline, the grace after it, the next wake-up, and the watch after an unpaid end.</summary>
public sealed partial class Checkout
{
    /// <summary>Moves the checkout on at this moment: a cancel, the deadline, the grace after it.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (IsFinal || session is null)
        {
            return;
        }

        var asked = !Capabilities.StatusLookup;
        if (cancel is { } request && (cancelAsked || asked))
        {
            FlagUnconfirmedEnd(now, "Cancelled");
            Conclude(PaymentStatus.Cancelled, StatusSource.Cancel, null, request.Reason ?? "Cancelled by the merchant.", now);
            return;
        }

        if (now < deadline || !(asked || deadlineAsked == deadline))
        {
            return;
        }

        if (!graceGiven && (ledger.Status == PaymentStatus.Processing || lastLookupUnanswered))
        {
            graceGiven = true;
            deadline += ProcessingGrace;
            polls!.Tighten(now, GracePollInterval);
            return;
        }

        FlagUnconfirmedEnd(now, "Expired");
        if (failedAttempt is { } failed)
        {
            Conclude(PaymentStatus.Failed, StatusSource.Expiry, failed.ProviderStatus, "The customer's attempt failed and nothing was paid by the deadline.", now, failed.Detail);
        }
        else
        {
            Conclude(PaymentStatus.Expired, StatusSource.Expiry, null, "No payment by the deadline.", now);
        }
    }

    /// <summary>When nothing new arrives, the moment the checkout must look again.</summary>
    public DateTimeOffset NextWakeUp()
    {
        var wakeUps = new List<DateTimeOffset>();
        if (!IsFinal)
        {
            wakeUps.Add(deadline);
            if (Capabilities.StatusLookup && polls is not null)
            {
                wakeUps.Add(polls.NextAt);
            }
        }
        else
        {
            wakeUps.Add(watchUntil ?? DateTimeOffset.MaxValue);
            if (watchLookups.TryPeek(out var watchAt))
            {
                wakeUps.Add(watchAt);
            }
        }

        if (Capabilities.StatusLookup && hints.NextLookupAt is { } hintAt)
        {
            wakeUps.Add(hintAt);
        }

        return wakeUps.Min();
    }

    /// <summary>After an unpaid end: read callbacks for a while longer, and ask the provider once more before the watch ends.</summary>
    public void BeginWatch(DateTimeOffset at)
    {
        watchUntil = at + terms.Plan.LateWindow;
        if (Capabilities.StatusLookup)
        {
            foreach (var after in terms.Plan.LateLookups)
            {
                watchLookups.Enqueue(at + after);
            }
        }
    }

    /// <summary>
    /// The watch has run its course: money was found, or its last lookup has an answer, or its window
    /// is over with no lookup left to make.
    /// </summary>
    public bool WatchOver(DateTimeOffset now) =>
        ledger.LatePayment is not null
        || (watchLookups.Count == 0 && hints.NextLookupAt is null && !confirmWanted && (watchAnswered || now >= watchUntil));
}
