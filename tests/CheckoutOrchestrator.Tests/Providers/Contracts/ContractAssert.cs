using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

/// <summary>Compares what we send with a document's example: the same fields, nested the same way, of the same JSON kinds.</summary>
public static class ContractAssert
{
    /// <param name="example">The document's example.</param>
    /// <param name="sent">What our client sent.</param>
    /// <param name="optionalAbsent">Example fields (dotted paths) documented as optional that we may leave out.</param>
    /// <param name="freeForm">Objects whose keys are the sender's choice (e.g. metadata).</param>
    public static void SameShape(string example, string sent, IReadOnlyCollection<string>? optionalAbsent = null, IReadOnlyCollection<string>? freeForm = null)
    {
        var problems = new List<string>();
        Compare(JsonNode.Parse(example)!, JsonNode.Parse(sent)!, string.Empty, optionalAbsent ?? [], freeForm ?? [], problems);
        Assert.True(problems.Count == 0, string.Join("; ", problems) + $" — sent: {sent}");
    }

    private static void Compare(JsonNode expected, JsonNode actual, string path, IReadOnlyCollection<string> optional, IReadOnlyCollection<string> freeForm, List<string> problems)
    {
        var (expectedKind, actualKind) = (expected.GetValueKind(), actual.GetValueKind());
        if (!SameKind(expectedKind, actualKind))
        {
            problems.Add($"{Name(path)} is {actualKind}, the document has {expectedKind}");
            return;
        }

        if (expected is not JsonObject expectedObject || actual is not JsonObject actualObject || freeForm.Contains(path))
        {
            return;
        }

        foreach (var (name, value) in expectedObject)
        {
            var child = path.Length == 0 ? name : $"{path}.{name}";
            if (actualObject[name] is { } sentValue)
            {
                Compare(value!, sentValue, child, optional, freeForm, problems);
            }
            else if (!optional.Contains(child))
            {
                problems.Add($"{child} is missing");
            }
        }

        foreach (var (name, _) in actualObject.Where(p => !expectedObject.ContainsKey(p.Key)))
        {
            problems.Add($"{(path.Length == 0 ? name : $"{path}.{name}")} is not in the document's example");
        }
    }

    private static bool SameKind(JsonValueKind expected, JsonValueKind actual) =>
        expected == actual || (expected is JsonValueKind.True or JsonValueKind.False && actual is JsonValueKind.True or JsonValueKind.False);

    private static string Name(string path) => path.Length == 0 ? "the body" : path;
}
