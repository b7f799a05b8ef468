using System.Text.Json.Nodes;
using EventContracts.Contracts.Aot;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// The generated code on the trimming- and AOT-safe path: Registry.Contracts.Aot compiles the contracts with
/// <c>IsAotCompatible</c> (so the analyzers have checked the generated code), and serializes through the generated
/// resolver only.
/// </summary>
public class AotTests
{
    [Theory]
    [InlineData(InstanceShape.RequiredOnly)]
    [InlineData(InstanceShape.AllProperties)]
    public void Order_created_v2_round_trips_through_the_generated_resolver_alone(InstanceShape shape)
    {
        var json = SchemaInstance.Generate(ContractFile.Get("order/order.created.v2.json").Root, shape)!.ToJsonString();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(AotRoundTrip.OrderCreatedV2(json))), json);
    }

    [Fact]
    public void Order_paid_v1_round_trips_with_options_that_know_only_the_generated_resolver()
    {
        var json = SchemaInstance.Generate(ContractFile.Get("order/order.paid.v1.json").Root, InstanceShape.AllProperties)!.ToJsonString();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(AotRoundTrip.OrderPaidV1(json))), json);
    }
}
