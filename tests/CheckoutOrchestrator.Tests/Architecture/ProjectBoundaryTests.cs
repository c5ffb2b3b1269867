using System.Reflection;
using System.Text.RegularExpressions;
using CheckoutOrchestrator.Activities;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CheckoutOrchestrator.Tests.Architecture;

/// <summary>
/// The lines the compiler holds: the API never links a provider's HTTP client or credentials, and a
/// provider lives in its own folders, named once in <see cref="PaymentProvider"/>.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private static readonly string[] ProductProjects = ["Domain", "Workflows", "Activities", "Api", "Worker", "ServiceDefaults"];

    [Fact]
    public void The_API_links_neither_Refit_nor_the_provider_adapters()
    {
        var linked = LinkedAssemblies(typeof(CheckoutOrchestrator.Api.Checkouts.CheckoutReader).Assembly);

        Assert.Contains("CheckoutOrchestrator.Domain", linked);
        Assert.DoesNotContain(linked, name => name.StartsWith("Refit", StringComparison.Ordinal));
        Assert.DoesNotContain("CheckoutOrchestrator.Activities", linked);
    }

    [Fact]
    public void The_domain_and_the_workflows_link_no_HTTP_client_library()
    {
        foreach (var assembly in new[] { typeof(ProviderProfile).Assembly, typeof(CheckoutOrchestrator.Workflows.CheckoutWorkflow).Assembly })
        {
            Assert.DoesNotContain(LinkedAssemblies(assembly), name => name.StartsWith("Refit", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_provider_has_its_profile_callback_reader_and_client_module()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        foreach (var profile in ProviderProfiles.All)
        {
            profile.AddCallbackReader(services, configuration);
        }

        var readers = services.Where(s => s.ServiceType == typeof(ProviderCallbackReader)).Select(s => s.ImplementationType!.Namespace).ToList();
        foreach (var provider in PaymentProviderSlugs.All)
        {
            Assert.Equal(provider, ProviderProfiles.For(provider).Provider);
            Assert.Single(ProviderClientRegistration.Modules, m => m.Provider == provider);
            Assert.Single(readers, ns => ns == typeof(ProviderProfile).Namespace + "." + provider);
        }
    }

    [Fact]
    public void Only_a_providers_own_folders_and_its_member_in_PaymentProvider_name_it()
    {
        var names = string.Join('|', Enum.GetNames<PaymentProvider>());
        var mention = new Regex($@"\b({names})\w*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var ownFolder = new Regex($@"[/\\]Providers[/\\]({names})[/\\]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        var strays = ProductProjects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(SourceRoot(), project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file) && !ownFolder.IsMatch(file) && Path.GetFileName(file) != "PaymentProvider.cs")
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line: i + 1, code: CodeOf(line))))
            .Where(l => mention.IsMatch(l.code))
            .Select(l => $"{Path.GetRelativePath(SourceRoot(), l.file)}:{l.line}: {l.code.Trim()}")
            .ToList();

        Assert.True(strays.Count == 0, "Provider-specific code outside its folder:\n" + string.Join('\n', strays));
    }

    private static string CodeOf(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string SourceRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CheckoutOrchestrator.sln")))
        {
            root = root.Parent;
        }

        return root is null ? throw new DirectoryNotFoundException("Run from a build inside the repository.") : Path.Combine(root.FullName, "src");
    }

    /// <summary>Every assembly this one links, following our own projects' references.</summary>
    private static HashSet<string> LinkedAssemblies(Assembly start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([start]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (seen.Add(reference.Name!) && reference.Name!.StartsWith("CheckoutOrchestrator.", StringComparison.Ordinal))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return seen;
    }
}
