using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// The NuGet package as a consumer gets it: packed from the repository, restored from a local folder by a project
/// outside the repository, built (warnings as errors) and run. Slower than the rest (about half a minute: a pack, a
/// restore and a build in child processes); filter it out with <c>--filter Category!=Package</c>.
/// </summary>
[Trait("Category", "Package")]
public class PackageTests(PackedGenerator packed) : IClassFixture<PackedGenerator>
{
    private const string PaidJson = """{"orderId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","customerId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","paymentId":"9b2d5c1e-1f0a-4c43-8b7e-6a1d2f3e4c5b","amount":{"amount":"19.99","currency":"EUR"},"paymentMethod":"card","cardLastDigits":"4242","paidAt":"2026-05-01T07:31:12+00:00"}""";

    [Fact]
    public void Package_holds_the_generator_as_an_analyzer_and_nothing_for_the_consumer_to_reference()
    {
        using var zip = ZipFile.OpenRead(packed.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains($"analyzers/dotnet/cs/{PackedGenerator.PackageId}.dll", entries);
        Assert.Contains($"build/{PackedGenerator.PackageId}.props", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));

        using var nuspecStream = zip.GetEntry($"{PackedGenerator.PackageId}.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");

        // In-repo projects import the very file the package ships.
        using var props = new StreamReader(zip.GetEntry($"build/{PackedGenerator.PackageId}.props")!.Open());
        Assert.Equal(
            File.ReadAllText(Path.Combine(PackedGenerator.RepositoryRoot, "Registry.SourceGen", "build", $"{PackedGenerator.PackageId}.props")),
            props.ReadToEnd());
    }

    [Fact]
    public async Task Project_outside_the_repository_builds_and_runs_with_the_package()
    {
        var consumer = Directory.CreateDirectory(Path.Combine(packed.Root, "consumer")).FullName;
        WriteConsumer(consumer);
        var contractsDir = Path.Combine(PackedGenerator.RepositoryRoot, "contracts");
        foreach (var file in ContractFile.All)
        {
            var target = Path.Combine(consumer, "contracts", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(contractsDir, file), target);
        }

        await DotnetCli.RunAsync(consumer, "build", "--disable-build-servers", "-c", "Debug");
        var output = (await DotnetCli.RunAsync(consumer, Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll")))
            .Split('\n', StringSplitOptions.TrimEntries);

        var paidContract = File.ReadAllText(Path.Combine(contractsDir, "order", "order.paid.v1.json"));
        Assert.Equal("order.paid@1", output[0]);
        Assert.Equal(ContractSchema.Parse(paidContract).Fingerprint.Hex, output[1]);
        Assert.Equal("19.99 EUR 4242", output[2]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PaidJson), JsonNode.Parse(output[3])), output[3]);
        Assert.Equal("Acme.Events.Order.OrderCreatedV2", output[4]);
    }

    private void WriteConsumer(string folder)
    {
        // Empty Directory.*.props/targets stop MSBuild from picking up files from folders above the temporary one.
        foreach (var name in (string[])["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"])
        {
            File.WriteAllText(Path.Combine(folder, name), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packed.Feed}" />
              </packageSources>
            </configuration>
            """);

        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- A package cache of its own: a package of the same version packed earlier must not be reused. -->
                <RestorePackagesPath>$(MSBuildThisFileDirectory)../packages</RestorePackagesPath>
                <EventContractsRootNamespace>Acme.Events</EventContractsRootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedGenerator.PackageId}" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(Path.Combine(folder, "Program.cs"), $$""""
            using System.Text.Json;
            using Acme.Events.Order;

            var paid = JsonSerializer.Deserialize<OrderPaidV1>("""{{PaidJson}}""")!;
            Console.WriteLine($"{OrderPaidV1.EventType}@{OrderPaidV1.SchemaVersion}");
            Console.WriteLine(OrderPaidV1.Fingerprint);
            Console.WriteLine($"{paid.Amount.Amount} {paid.Amount.Currency} {paid.CardLastDigits}");
            Console.WriteLine(JsonSerializer.Serialize(paid));
            Console.WriteLine(typeof(OrderCreatedV2).FullName);
            """");
    }
}
