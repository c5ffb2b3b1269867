using System.Text.RegularExpressions;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>docs/operations.md's configuration table, row by row: the keys as written, which host reads them, whether they are required.</summary>
public static partial class ConfigurationTable
{
    public static IEnumerable<ConfigurationRow> Rows()
    {
        var lines = File.ReadLines(Path.Combine(ContractTools.RepositoryRoot(), "docs", "operations.md"))
            .SkipWhile(line => !line.StartsWith("| Key | Host |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'));
        foreach (var line in lines)
        {
            var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
            var keys = BacktickedKey().Matches(cells[1]).Select(m => m.Groups[1].Value).ToArray();
            yield return new ConfigurationRow(keys, cells[1].Contains("(list)", StringComparison.Ordinal), cells[2], cells[4]);
        }
    }

    [GeneratedRegex("`([A-Za-z][A-Za-z0-9:<>_]*)`")]
    private static partial Regex BacktickedKey();
}

/// <summary>One row: its keys as written (a later one may be relative to the first's section), whether each is a list, its Host and Required cells.</summary>
public sealed record ConfigurationRow(IReadOnlyList<string> Keys, bool IsList, string Host, string Required);
