using System.Text.RegularExpressions;

namespace Sdr.Tests.Unit.Architecture;

/// <summary>
/// The folders of Sdr.Core depend on each other one way only (docs/architecture.md): read from the
/// sources, every <c>Sdr.Core.X</c> a folder names (usings, qualified names, crefs) is an edge, and the
/// graph must have no cycle. A type placed in the wrong folder shows up here as the cycle it closes.
/// </summary>
public sealed partial class NamespaceLayeringTests
{
    [Fact]
    public void CoreFolders_DependOnEachOther_WithoutCycles()
    {
        var graph = CoreDependencies();
        graph.Count.ShouldBeGreaterThan(8, "the scan found Sdr.Core's folders");

        var cycle = FindCycle(graph);

        cycle.ShouldBeNull($"namespace cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void AiFolder_DependsOnlyOnConfiguration()
    {
        CoreDependencies()["Ai"].ShouldBeSubsetOf(["Configuration"], "Ai is on the lowest layer: the caller hands it plain inputs");
    }

    [Fact]
    public void FindCycle_ATwoFolderLoop_IsReported()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Data"] = ["Configuration"],
            ["Compliance"] = ["Data", "Sequences"],
            ["Sequences"] = ["Compliance"],
            ["Configuration"] = [],
        };

        FindCycle(graph).ShouldBe(["Compliance", "Sequences", "Compliance"]);
    }

    private static Dictionary<string, HashSet<string>> CoreDependencies()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "Sdr.Core");
        var folders = Directory.GetDirectories(core)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .ToHashSet(StringComparer.Ordinal)!;
        var graph = folders.ToDictionary(f => f!, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var files = Directory.EnumerateFiles(Path.Combine(core, folder!), "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
            foreach (var file in files)
            {
                foreach (Match match in CoreReference().Matches(File.ReadAllText(file)))
                {
                    var target = match.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        graph[folder!].Add(target);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>A cycle as the folders along it (first repeated at the end), or null when there is none.</summary>
    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            var onPath = path.IndexOf(node);
            if (onPath >= 0)
            {
                return [.. path[onPath..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SdrAgent.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SdrAgent.slnx not found above the test's folder.");
    }

    [GeneratedRegex(@"\bSdr\.Core\.([A-Z][A-Za-z]+)")]
    private static partial Regex CoreReference();
}
