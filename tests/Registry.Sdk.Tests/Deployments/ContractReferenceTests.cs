using EventContracts.Deployments;
using Xunit;

namespace EventContracts.Tests.Deployments;

public sealed class ContractReferenceTests
{
    [Theory]
    [InlineData("order.created@3", "order.created", 3)]
    [InlineData("order.created.v2@1", "order.created.v2", 1)]
    [InlineData("order.created-value@12", "order.created-value", 12)]
    [InlineData("LegacySubject@2", "LegacySubject", 2)]
    public void TryParse_event_type_at_version_returns_both(string text, string eventType, int version)
    {
        Assert.True(ContractReference.TryParse(text, out var contract, out var problem));

        Assert.Null(problem);
        Assert.Equal(new ContractReference(eventType, version), contract);
        Assert.Equal(text, contract.ToString());
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("order.created", "has no schema version")]
    [InlineData("@3", "has no event type")]
    [InlineData("order.created@", "'' as its schema version")]
    [InlineData("order.created@0", "positive integer")]
    [InlineData("order.created@-1", "positive integer")]
    [InlineData("order.created@v3", "positive integer")]
    [InlineData("order.created@ 3", "positive integer")]
    [InlineData("order.created@3.1", "positive integer")]
    [InlineData("order.created@99999999999", "positive integer")]
    [InlineData("order created@3", "whitespace")]
    [InlineData("order@created@3", "second '@'")]
    public void TryParse_malformed_contract_says_what_to_fix(string? text, string expected)
    {
        Assert.False(ContractReference.TryParse(text, out var contract, out var problem));

        Assert.Equal(default, contract);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("order.created@3", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_event_type_longer_than_a_subject_is_refused()
    {
        var text = new string('a', ContractReference.MaxEventTypeLength + 1) + "@1";

        Assert.False(ContractReference.TryParse(text, out _, out var problem));
        Assert.Contains("longer than 255", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_malformed_contract_throws_format_exception_with_the_problem()
    {
        var error = Assert.Throws<FormatException>(() => ContractReference.Parse("order.created"));

        Assert.Contains("has no schema version", error.Message, StringComparison.Ordinal);
    }
}
