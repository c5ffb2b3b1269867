using System.Text.RegularExpressions;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Architecture;

/// <summary>docs/operations.md's configuration table and the settings the hosts bind say the same thing.</summary>
public sealed partial class ConfigurationTableTests
{
    private static readonly string Root = ContractTools.RepositoryRoot();

    /// <summary>Sections that only the development hosts read (the simulators' own settings).</summary>
    private static readonly string[] DevelopmentOnly = ["Simulators"];

    [Fact]
    public void Every_documented_key_names_settings_the_code_reads()
    {
        var source = HostSource();
        var unknown = DocumentedKeys()
            .SelectMany(key => key.Split(':').Where(segment => !segment.StartsWith('<')).Select(segment => (key, segment)))
            .Where(k => !Regex.IsMatch(source, $@"\b{Regex.Escape(k.segment)}\b"))
            .Select(k => $"{k.key} ({k.segment})")
            .ToList();

        Assert.True(unknown.Count == 0, $"documented but read nowhere: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_section_a_host_binds_is_in_the_table()
    {
        var documented = DocumentedKeys().ToList();
        var undocumented = SectionConstant().Matches(HostSource())
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .Where(section => !DevelopmentOnly.Contains(section) && !documented.Any(key => key.StartsWith(section + ":", StringComparison.Ordinal)))
            .ToList();

        Assert.True(undocumented.Count == 0, $"bound but not in docs/operations.md: {string.Join(", ", undocumented)}");
    }

    private static IEnumerable<string> DocumentedKeys() =>
        ConfigurationTable.Rows().SelectMany(row => row.Keys).Where(key => !key.StartsWith("OTEL", StringComparison.Ordinal) && key != "Urls");

    private static string HostSource() => string.Join(
        '\n',
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    [GeneratedRegex("""const string Section = "([A-Za-z:]+)";""")]
    private static partial Regex SectionConstant();
}
