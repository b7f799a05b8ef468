using System.Reflection;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// Registry.SourceGen packed (<c>dotnet pack --no-build</c>, from the build this test project triggered) into a
/// local feed in a fresh temporary folder outside the repository; deleted at the end.
/// </summary>
public sealed class PackedGenerator : IAsyncLifetime
{
    public const string PackageId = "EventContracts.Registry.SourceGen";

    public string Root { get; } = Directory.CreateTempSubdirectory("evc-sgpack-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string Package { get; private set; } = string.Empty;

    public string Version { get; private set; } = string.Empty;

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot, "Registry.SourceGen", "Registry.SourceGen.csproj");
        await DotnetCli.RunAsync(Root, "pack", project, "-c", Metadata("Configuration"), "--no-build", "-o", Feed);
        Package = Assert.Single(Directory.GetFiles(Feed, "*.nupkg"));
        Version = Path.GetFileNameWithoutExtension(Package)[(PackageId.Length + 1)..];
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private static string Metadata(string key) =>
        typeof(PackedGenerator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
