using EventContracts.Api.Core;
using EventContracts.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>The registry's parsed schemas share what their versions repeat (<see cref="SchemaCache.Subschemas"/>).</summary>
public sealed class ParsedHistoryTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task Ten_versions_that_each_add_a_property_hold_each_subschema_once()
    {
        var subject = Contracts.Subject();
        string[] names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        var versions = Enumerable.Range(0, 10).Select(i => Contracts.Order(names[..i])).ToList();
        var ids = new List<int>();
        foreach (var schema in versions)
        {
            ids.Add(await HttpAssert.RegisterAsync(host.Http, subject, schema));
        }

        var registry = host.Services.GetRequiredService<SchemaRegistry>();
        foreach (var id in ids)
        {
            await registry.LoadParsedAsync(id, CancellationToken.None);
        }

        // The newest version alone: every subschema the history has, each once.
        var newest = new SubschemaPool();
        ContractSchema.Parse(versions[^1], new SchemaParseOptions { Pool = newest });
        var held = host.Services.GetRequiredService<SchemaCache>().Subschemas.Count;
        Assert.Equal(newest.Count, held);
    }
}
