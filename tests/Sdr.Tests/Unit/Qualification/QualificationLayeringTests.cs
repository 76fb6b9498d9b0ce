using System.Text.RegularExpressions;

namespace Sdr.Tests.Unit.Qualification;

/// <summary>
/// Qualification sits just above Data (docs/architecture.md): it reads plain inputs and returns plain
/// decisions, so it may name only Configuration and Data's entity enums, never the database or GHL.
/// </summary>
public sealed partial class QualificationLayeringTests
{
    [Fact]
    public void QualificationFolder_NamesOnlyConfigurationAndDataEntities()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Sdr.Core", "Qualification");
        var references = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CoreReference().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .ToList();

        references.ShouldNotBeEmpty("the scan read the folder");
        references.Where(r => !AllowedReference().IsMatch(r)).ShouldBeEmpty();
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

    [GeneratedRegex(@"\bSdr\.Core\.[A-Z][A-Za-z.]*")]
    private static partial Regex CoreReference();

    [GeneratedRegex(@": Sdr\.Core\.(Qualification|Configuration|Data\.Entities)\b")]
    private static partial Regex AllowedReference();
}
