using EventContracts.Linting;
using Xunit;

namespace EventContracts.Tests.Linting;

public sealed class ContractFileNameTests
{
    [Theory]
    [InlineData("order.created.v2.json", "order.created", 2)]
    [InlineData("order.created.v1.json", "order.created", 1)]
    [InlineData("order.created.v2.v3.json", "order.created.v2", 3)]
    [InlineData("contracts/order/order.created.v10.json", "order.created", 10)]
    [InlineData(@"C:\repo\contracts\order\order.paid.v4.json", "order.paid", 4)]
    [InlineData("order.item.added.v1.json", "order.item.added", 1)]
    public void TryParse_valid_name_returns_event_type_and_version(string fileName, string eventType, int version)
    {
        Assert.True(ContractFileName.TryParse(fileName, out var file, out var problem));

        Assert.Null(problem);
        Assert.Equal(new ContractFileName(eventType, version), file);
    }

    [Theory]
    [InlineData("", "give a file name")]
    [InlineData("order.created.v2.yaml", "does not end in .json")]
    [InlineData("order.created.v2.JSON", "use the lower-case extension .json")]
    [InlineData("order.created.json", "has no .v<N>")]
    [InlineData("order.created.v.json", "has no .v<N>")]
    [InlineData("order.created.2.json", "has no .v<N>")]
    [InlineData("order.created.v2a.json", "has no .v<N>")]
    [InlineData("v2.json", "has no .v<N>")]
    [InlineData(".v2.json", "put the event type before the version")]
    [InlineData("order.created.v0.json", "N from 1")]
    [InlineData("order.created.v01.json", "no leading zeros")]
    [InlineData("order.created.v99999999999.json", "N from 1")]
    [InlineData("contracts/order/", "does not end in .json")]
    public void TryParse_bad_name_says_what_to_rename(string fileName, string expectedProblem)
    {
        Assert.False(ContractFileName.TryParse(fileName, out var file, out var problem));

        Assert.Null(file);
        Assert.NotNull(problem);
        Assert.Contains(expectedProblem, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_directory_that_looks_like_a_contract_is_ignored()
    {
        Assert.True(ContractFileName.TryParse("order.created.v9.json/order.paid.v1.json", out var file, out _));

        Assert.Equal("order.paid", file!.EventType);
        Assert.Equal(1, file.Version);
    }
}
