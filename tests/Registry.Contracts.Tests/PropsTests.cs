using System.Text.Json;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// What build/EventContracts.Registry.SourceGen.props gives the compiler, read by MSBuild itself
/// (<c>dotnet msbuild -getItem</c>) from a project in a temporary folder that imports it. Under a second each.
/// </summary>
[Trait("Category", "Package")]
public sealed class PropsTests : IDisposable
{
    private static readonly string Props = Path.Combine(PackedGenerator.RepositoryRoot, "Registry.SourceGen", "build", $"{PackedGenerator.PackageId}.props");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("evc-props-");

    public PropsTests()
    {
        foreach (var file in (string[])["contracts/order/order.paid.v1.json", "contracts/order/order.created.v2.json", "schemas/billing/invoice.sent.v1.json", "appsettings.json"])
        {
            var path = Path.Combine(_folder.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
    }

    [Fact]
    public async Task Json_files_under_contracts_are_additional_files_marked_as_contracts()
    {
        var items = await EvaluateAsync(string.Empty);

        Assert.Equal(["contracts/order/order.created.v2.json", "contracts/order/order.paid.v1.json"], Contracts(items));
        Assert.Contains(items.GetProperty("CompilerVisibleItemMetadata").EnumerateArray(), i =>
            i.GetProperty("Identity").GetString() == "AdditionalFiles" && i.GetProperty("MetadataName").GetString() == "EventContractsContract");
        Assert.Contains(items.GetProperty("CompilerVisibleProperty").EnumerateArray(), i =>
            i.GetProperty("Identity").GetString() == "EventContractsRootNamespace");
    }

    [Fact]
    public async Task Contracts_folder_set_in_the_project_after_the_import_is_the_one_used()
    {
        // Written as people do (no trailing slash), in the project body, which MSBuild reads after the package's props.
        var items = await EvaluateAsync("<PropertyGroup><EventContractsContractsDir>schemas</EventContractsContractsDir></PropertyGroup>");

        Assert.Equal(["schemas/billing/invoice.sent.v1.json"], Contracts(items));
    }

    [Fact]
    public async Task No_contracts_are_added_when_switched_off()
    {
        var items = await EvaluateAsync("<PropertyGroup><EventContractsIncludeContracts>false</EventContractsIncludeContracts></PropertyGroup>");

        Assert.Empty(Contracts(items));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<JsonElement> EvaluateAsync(string projectBody)
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "Consumer.proj"), $"""
            <Project>
              <Import Project="{Props}" />
              {projectBody}
            </Project>
            """);
        var output = await DotnetCli.RunAsync(
            _folder.FullName, "msbuild", "Consumer.proj", "-getItem:AdditionalFiles", "-getItem:CompilerVisibleItemMetadata", "-getItem:CompilerVisibleProperty");
        return JsonDocument.Parse(output).RootElement.GetProperty("Items");
    }

    /// <summary>The additional files marked as contracts, relative to the project, ordered.</summary>
    private List<string> Contracts(JsonElement items) =>
        items.GetProperty("AdditionalFiles").EnumerateArray()
            .Where(i => i.TryGetProperty("EventContractsContract", out var marked) && marked.GetString() == "true")
            .Select(i => Path.GetRelativePath(_folder.FullName, i.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
