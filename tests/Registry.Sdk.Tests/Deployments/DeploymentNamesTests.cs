using EventContracts.Deployments;
using Xunit;

namespace EventContracts.Tests.Deployments;

public sealed class DeploymentNamesTests
{
    [Theory]
    [InlineData("orders")]
    [InlineData("billing-worker")]
    [InlineData("order_projector.v2")]
    [InlineData("9lives")]
    public void CheckService_valid_name_has_no_problem(string name) => Assert.Null(DeploymentNames.CheckService(name));

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("Orders", "not valid")]
    [InlineData("-orders", "not valid")]
    [InlineData("orders service", "not valid")]
    [InlineData("orders/api", "not valid")]
    public void CheckService_invalid_name_says_what_to_use(string? name, string expected)
    {
        var problem = DeploymentNames.CheckService(name);

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("service", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckEnvironment_names_the_environment_in_its_problem()
    {
        Assert.Null(DeploymentNames.CheckEnvironment("production"));
        Assert.Contains("environment name 'Prod'", DeploymentNames.CheckEnvironment("Prod"), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckService_name_over_the_limit_is_refused_without_echoing_it_whole()
    {
        var problem = DeploymentNames.CheckService(new string('a', DeploymentNames.MaxLength + 1));

        Assert.Contains("longer than 100", problem, StringComparison.Ordinal);
        Assert.True(problem!.Length < 100);
    }

    [Theory]
    [InlineData("1.5.0")]
    [InlineData("2.0.0-rc.1+build.7")]
    [InlineData("3f2a9c1")]
    public void CheckVersion_semver_or_commit_has_no_problem(string version) => Assert.Null(DeploymentNames.CheckVersion(version));

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("1.5.0 beta", "whitespace")]
    [InlineData("release/1.5", "'/'")]
    [InlineData("1.5\n", "whitespace")]
    public void CheckVersion_invalid_version_says_what_to_use(string? version, string expected) =>
        Assert.Contains(expected, DeploymentNames.CheckVersion(version), StringComparison.Ordinal);
}
