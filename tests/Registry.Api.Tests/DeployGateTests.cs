using System.Text.Json;
using EventContracts.Api.Deployments;
using EventContracts.Compatibility;
using EventContracts.Deployments;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>The gate's pure logic (<see cref="DeployGate"/>, <see cref="GateReasons"/>) without a database: ordering, verdicts, wording.</summary>
public sealed class DeployGateTests
{
    private const string Type = "order.created";

    // Version 1 requires amount; version 2 drops it; version 3 adds an optional currency to version 1.
    private static readonly Dictionary<int, ContractSchema> Schemas = new()
    {
        [1] = ContractSchema.Parse(GateSchemas.Closed(["amount"], "amount:number")),
        [2] = ContractSchema.Parse(GateSchemas.Closed([])),
        [3] = ContractSchema.Parse(GateSchemas.Closed(["amount"], "amount:number", "currency:string")),
    };

    [Fact]
    public void Report_is_the_same_whatever_order_the_environment_is_read_in()
    {
        var deployed = new List<GateRelease>
        {
            Release("billing", "1.0.0", [], [1]),
            Release("audit", "3.0.0", [], [3]),
            Release("ledger", "2.0.0", [], [1, 3]),
            Release("legacy", "0.9.0", [1], []),
        };
        var candidate = Release("orders", "2.0.0", [2, 3], [1]);

        var forward = Json(DeployGate.Evaluate(Input(candidate, deployed)));
        deployed.Reverse();
        var backward = Json(DeployGate.Evaluate(Input(candidate, deployed)));

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Pairs_are_ordered_by_event_type_producer_and_versions()
    {
        var deployed = new List<GateRelease> { Release("ledger", "2.0.0", [], [3, 1]), Release("billing", "1.0.0", [], [1]) };

        var report = DeployGate.Evaluate(Input(Release("orders", "2.0.0", [3, 2], []), deployed));

        Assert.Equal(
            [(2, "billing", 1), (2, "ledger", 1), (2, "ledger", 3), (3, "billing", 1), (3, "ledger", 1), (3, "ledger", 3)],
            report.Pairs.Select(p => (p.WriterVersion, p.Consumer, p.ReaderVersion)));
    }

    [Fact]
    public void Unsafe_wins_over_unknown_and_unknown_over_safe()
    {
        var unresolvedOnly = DeployGate.Evaluate(Input(Release("orders", "2.0.0", [1, 9], []), [Release("billing", "1.0.0", [], [1])]));
        var unsafeAndUnresolved = DeployGate.Evaluate(Input(Release("orders", "2.0.0", [2, 9], []), [Release("billing", "1.0.0", [], [1])]));

        Assert.Equal(GateVerdict.Unknown, unresolvedOnly.Verdict);
        Assert.Equal(new GateCounts(2, 1, 0, 1, 0), unresolvedOnly.Counts);
        Assert.Equal(GateVerdict.Unsafe, unsafeAndUnresolved.Verdict);
        Assert.Equal(new GateCounts(2, 0, 1, 1, 0), unsafeAndUnresolved.Counts);
    }

    [Fact]
    public void Reason_counts_the_incompatible_differences_it_does_not_describe()
    {
        var reader = ContractSchema.Parse(GateSchemas.Closed(["amount", "currency"], "amount:number", "currency:string"));
        var writer = ContractSchema.Parse(GateSchemas.Closed([]));
        using var cache = new ReadCheckCache();
        var check = cache.CanRead(11, reader, 12, writer, CompatibilityPolicy.Strict);

        var reason = GateReasons.Unsafe(new GateReasons.PairSides("orders", "1.5.0", 4, "billing", "2.0.0", 3, Type), check);

        Assert.False(check.CanRead);
        Assert.Equal("billing 2.0.0 reads order.created v3 and requires `amount`; orders 1.5.0 writes v4 without it, and 1 more incompatible difference.", reason);
    }

    [Theory]
    [InlineData("#", "the event")]
    [InlineData("#/required/amount", "`amount`")]
    [InlineData("#/properties/customer/properties/email/maxLength", "`customer.email`")]
    [InlineData("#/properties/lines/items/properties/sku", "`lines[].sku`")]
    [InlineData("#/properties/a~1b", "`a/b`")]
    [InlineData("#/$defs/money/properties/amount", "`amount`")]
    public void Target_names_the_property_a_path_points_into(string path, string expected) =>
        Assert.Equal(expected, GateReasons.Target(path));

    private static GateRelease Release(string service, string version, int[] produces, int[] consumes) =>
        new(service, version, [.. produces.Select(v => new ContractReference(Type, v))], [.. consumes.Select(v => new ContractReference(Type, v))]);

    private static GateInput Input(GateRelease candidate, IReadOnlyList<GateRelease> deployed)
    {
        var cache = new ReadCheckCache();
        return new GateInput(
            new GateQuery(candidate.Service, candidate.Version, "production", RequireProducers: false, []),
            candidate,
            ServiceKnown: true,
            deployed,
            contract => Schemas.ContainsKey(contract.Version)
                ? new ContractResolution(contract, Type, contract.Version, false, CompatibilityPolicy.Strict, null)
                : new ContractResolution(contract, Type, null, false, CompatibilityPolicy.Strict, $"subject {Type} has no version {contract.Version}"),
            (reader, writer) => cache.CanRead(reader.SchemaId!.Value, Schemas[reader.SchemaId.Value], writer.SchemaId!.Value, Schemas[writer.SchemaId.Value], reader.Policy));
    }

    private static string Json(CanIDeployReport report) => JsonSerializer.Serialize(report);
}
