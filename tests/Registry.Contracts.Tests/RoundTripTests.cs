using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>
/// Every contract file in <c>contracts/</c>, with data made from its schema (<see cref="SchemaInstance"/>), so a new
/// contract is covered the moment it is added: valid instances survive a trip through the generated record, and a
/// missing required property is refused by name.
/// </summary>
public class RoundTripTests
{
    public static TheoryData<string> Files() => [.. ContractFile.All];

    public static TheoryData<string, InstanceShape> Instances()
    {
        var data = new TheoryData<string, InstanceShape>();
        foreach (var file in ContractFile.All)
        {
            data.Add(file, InstanceShape.RequiredOnly);
            data.Add(file, InstanceShape.AllProperties);
        }

        return data;
    }

    public static TheoryData<string, string> RequiredProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in ContractFile.All)
        {
            if (ContractFile.Get(file).Root.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray())
                {
                    data.Add(file, name.GetString()!);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public async Task Instance_made_from_the_schema_round_trips_through_the_generated_type(string file, InstanceShape shape)
    {
        var contract = ContractFile.Get(file);
        var instance = SchemaInstance.Generate(contract.Root, shape)!.ToJsonString();

        ContractAssert.RoundTrips(await contract.SchemaAsync(), contract.GeneratedType, instance);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Instance_with_every_property_sets_every_member(string file)
    {
        var contract = ContractFile.Get(file);
        var type = contract.GeneratedType;
        var value = JsonSerializer.Deserialize(SchemaInstance.Generate(contract.Root, InstanceShape.AllProperties)!.ToJsonString(), type);

        // Shows that the instance reaches every member, so the round trip above covered each one.
        var unset = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null && p.GetValue(value) is null)
            .Select(p => p.Name);
        Assert.Empty(unset);
    }

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public async Task Missing_required_property_throws_JsonException_naming_it(string file, string property)
    {
        var contract = ContractFile.Get(file);
        var instance = SchemaInstance.Generate(contract.Root, InstanceShape.AllProperties)!.AsObject();
        instance.Remove(property);
        var json = instance.ToJsonString();
        Assert.NotEmpty((await contract.SchemaAsync()).Validate(json));

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, contract.GeneratedType));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }
}
