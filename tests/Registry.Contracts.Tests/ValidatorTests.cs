using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>The validator the round trips rely on does refuse what the contracts forbid, so a passing round trip means something.</summary>
public class ValidatorTests
{
    [Theory]
    [InlineData("paymentMethod", "\"cash\"")]
    [InlineData("orderId", "\"not-a-uuid\"")]
    [InlineData("paidAt", "\"yesterday\"")]
    [InlineData("amount", """{ "amount": "19.99", "currency": "eur" }""")]
    [InlineData("amount", """{ "amount": "19.99", "currency": "EUR", "rate": 1 }""")]
    [InlineData("unknown", "1")]
    public async Task Instance_breaking_the_contract_does_not_validate(string property, string value)
    {
        var contract = ContractFile.Get("order/order.paid.v1.json");
        var instance = SchemaInstance.Generate(contract.Root, InstanceShape.AllProperties)!.AsObject();
        instance[property] = JsonNode.Parse(value);

        Assert.NotEmpty((await contract.SchemaAsync()).Validate(instance.ToJsonString()));
    }
}
