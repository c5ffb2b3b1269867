namespace CheckoutOrchestrator.Simulators.Infrastructure;

public enum CustomerChoice
{
    Pay,
    Fail,
    Cancel,
}
