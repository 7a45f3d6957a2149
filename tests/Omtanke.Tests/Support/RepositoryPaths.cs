namespace Omtanke.Tests.Support;

/// <summary>Finds the repository's folders from wherever the test assembly runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DataSamples => Path.Combine(Root, "data-samples");

    public static string Case(string name) => Path.Combine(DataSamples, "cases", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmtankeIndikatorer.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (OmtankeIndikatorer.sln) was not found above the test assembly.");
    }
}
