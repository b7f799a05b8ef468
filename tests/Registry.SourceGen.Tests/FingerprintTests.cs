using System.Reflection;
using System.Runtime.Loader;
using EventContracts.Schemas;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EventContracts.SourceGen.Tests;

public class FingerprintTests
{
    public static TheoryData<string> Schemas() =>
    [
        """{ "type": "object", "description": "plain ASCII", "properties": { "a": { "type": "integer", "minimum": 1e3 } } }""",
        """{ "type": "object", "description": "café – “quotes” ✓ 😀 \u00e9 \/ \" \\ \n \t \u0001 <b>&", "properties": {} }""",
        """{ "type": "object", "properties": { "n": { "type": "number", "maximum": 1.50, "minimum": -0.0 } } }""",
        """{ "type": "object", "description": "nbsp\u00a0 ls\u2028 ps\u2029 pua\ue000 bom\ufeff del\u007f thin\u2009 soft\u00ad", "properties": {} }""",
    ];

    [Fact]
    public void Real_contracts_have_the_registry_fingerprint()
    {
        var (_, output, compile) = GeneratorHarness.Run(GeneratorHarness.RealContracts());
        Assert.Empty(compile);
        var assembly = Load(output);

        foreach (var file in GeneratorHarness.RealContracts())
        {
            var expected = ContractSchema.Parse(file.GetText()!.ToString()).Fingerprint.Hex;
            Assert.Contains(assembly.GetTypes(), t => Constant(t, "Fingerprint") == expected);
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Canonical_text_matches_the_registry(string schema)
    {
        var (_, output, compile) = GeneratorHarness.Run([new InMemoryText("/c/order/order.paid.v1.json", schema)]);
        Assert.Empty(compile);
        var type = Load(output).GetType("EventContracts.Contracts.Order.OrderPaidV1", throwOnError: true)!;
        var registry = ContractSchema.Parse(schema);

        Assert.Equal(registry.CanonicalText, Constant(type, "SchemaText"));
        Assert.Equal(registry.Fingerprint.Hex, Constant(type, "Fingerprint"));
    }

    private static string? Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;

    private static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }
}
