namespace Omtanke.Tests;

/// <summary>Paths in the repository the tests run from (found by walking up to the solution file).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Case(string name) => Path.Combine(Root, "data-samples", "cases", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmtankeIndikatorer.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (OmtankeIndikatorer.sln) was not found above the test directory.");
    }
}
