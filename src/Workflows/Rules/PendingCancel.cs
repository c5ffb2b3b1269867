namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>
/// The merchant's request to stop a checkout, and whether a lookup asked after it has been made:
/// a payment that beat the cancel must be found before the checkout may end as cancelled.
/// </summary>
public sealed class PendingCancel
{
    private int arrivedAs;

    public CancelRequest? Request { get; private set; }

    public bool Asked { get; private set; }

    public void Take(CancelRequest request, int news)
    {
        if (Request is null)
        {
            Request = request;
            arrivedAs = news;
        }
    }

    public void Looked(StatusLookupNeed need, IRuleChanges rules)
    {
        if (Request is not null && (need.NewsSeen >= arrivedAs || !rules.LookupsAnswerOnlyForEarlierNews))
        {
            Asked = true;
        }
    }
}
