namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>How the numbers of a callback are written in the string LakiPay signs.</summary>
public enum LakiPayNumberStyle
{
    /// <summary>Exactly as the body writes them.</summary>
    Literal,

    /// <summary>As JavaScript's String(number) writes them: 100.00 is "100".</summary>
    JavaScript,

    /// <summary>As Python's str(float) writes them: 100.00 is "100.0".</summary>
    Python,

    /// <summary>With two decimals: 100 is "100.00".</summary>
    TwoDecimals,
}
