using System.Text.Json;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>An enum's documented names (its <c>JsonStringEnumMemberName</c>s), as the API, search attributes and events spell them.</summary>
public static class JsonEnumNames
{
    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Names.Values;

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Table<TEnum>.Names[value];

    /// <summary>The value of a documented name, whatever its case, or null for any other text.</summary>
    public static TEnum? Parse<TEnum>(string? name)
        where TEnum : struct, Enum =>
        Table<TEnum>.Names.FirstOrDefault(n => string.Equals(n.Value, name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : null;

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToDictionary(value => value, value => JsonSerializer.Serialize(value).Trim('"'));
    }
}
