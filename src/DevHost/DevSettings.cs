using Temporalio.Common;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CheckoutOrchestrator.DevHost;

/// <summary>temporal-dev.yaml: the namespace, ports and search attributes of the local run.</summary>
public sealed class DevSettings
{
    public const string FileName = "temporal-dev.yaml";

    public TemporalSection Temporal { get; set; } = new();

    public PortSection Api { get; set; } = new() { Port = 5080 };

    public PortSection Simulators { get; set; } = new() { Port = 5090 };

    public MerchantSection Merchant { get; set; } = new();

    /// <summary>Finds temporal-dev.yaml in the current directory or above it (the repository root).</summary>
    public static string Find(string? from = null)
    {
        for (var dir = new DirectoryInfo(from ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No {FileName} in {from ?? Directory.GetCurrentDirectory()} or above it; run from the repository.");
    }

    public static DevSettings Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return deserializer.Deserialize<DevSettings>(File.ReadAllText(path)) ?? new DevSettings();
    }
}

/// <summary>The dev server: namespace, ports, task queue and search attributes to register.</summary>
public sealed class TemporalSection
{
    public string Namespace { get; set; } = "default";

    public string TaskQueue { get; set; } = "checkouts";

    public int Port { get; set; } = 7233;

    public int UiPort { get; set; } = 8233;

    public Dictionary<string, string> SearchAttributes { get; set; } = [];

    public IReadOnlyCollection<SearchAttributeKey> SearchAttributeKeys() =>
        [.. SearchAttributes.Select(pair => KeyOf(pair.Key, pair.Value))];

    private static SearchAttributeKey KeyOf(string name, string type) => type.ToUpperInvariant() switch
    {
        "KEYWORD" => SearchAttributeKey.CreateKeyword(name),
        "KEYWORDLIST" => SearchAttributeKey.CreateKeywordList(name),
        "TEXT" => SearchAttributeKey.CreateText(name),
        "INT" or "LONG" => SearchAttributeKey.CreateLong(name),
        "DOUBLE" => SearchAttributeKey.CreateDouble(name),
        "BOOL" => SearchAttributeKey.CreateBool(name),
        "DATETIME" => SearchAttributeKey.CreateDateTimeOffset(name),
        _ => throw new InvalidDataException($"Search attribute {name} has unknown type {type}."),
    };
}

/// <summary>The development merchant: where its events go besides the simulators' inbox.</summary>
public sealed class MerchantSection
{
    /// <summary>A URL of the developer's own receiver (loopback allowed) that gets the merchant's events; DEV_FORWARD_EVENTS_TO overrides it.</summary>
    public string? ForwardEventsTo { get; set; }
}

/// <summary>A host of the stack; port 0 picks a free one.</summary>
public sealed class PortSection
{
    public int Port { get; set; }
}
