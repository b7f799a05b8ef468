using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Contracts.Tests;

/// <summary>The generated records, compiled by MSBuild from <c>contracts/</c>, against the registry's own reading of the files.</summary>
public class GeneratedConstantsTests
{
    public static TheoryData<string> Files() => [.. ContractFile.All];

    [Fact]
    public void Every_generated_type_comes_from_a_contract_file()
    {
        Assert.NotEmpty(ContractFile.All);
        Assert.Equal(
            ContractFile.All.Select(f => ContractFile.Get(f).GeneratedType).Order(TypeByName.Instance),
            ContractFile.GeneratedTypes.Order(TypeByName.Instance));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fingerprint_equals_the_registry_fingerprint_of_the_file(string file)
    {
        var contract = ContractFile.Get(file);

        Assert.Equal(ContractSchema.Parse(contract.Text).Fingerprint.Hex, ContractFile.Constant(contract.GeneratedType, "Fingerprint"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SchemaText_is_the_registry_canonical_text_of_the_file(string file)
    {
        var contract = ContractFile.Get(file);

        Assert.Equal(ContractSchema.Parse(contract.Text).CanonicalText, ContractFile.Constant(contract.GeneratedType, "SchemaText"));
    }

    private sealed class TypeByName : IComparer<Type>
    {
        public static TypeByName Instance { get; } = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
