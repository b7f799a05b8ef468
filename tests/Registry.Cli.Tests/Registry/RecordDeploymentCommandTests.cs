using System.Net.Http.Json;
using EventContracts.Api.Tests;
using EventContracts.Deployments;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

public sealed class RecordDeploymentCommandTests(RegistryHost registry) : IClassFixture<RegistryHost>, IDisposable
{
    private readonly ContractFolder _folder = new();
    private readonly string _service = RegistrySetup.UniqueName("svc");
    private readonly string _environment = RegistrySetup.UniqueName("env");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Create_environment_creates_it_once_exit_0()
    {
        var created = (await _folder.Evc("create-environment", _environment, "--registry", registry.Url)).ShouldExitWith(0);
        var again = (await _folder.Evc("create-environment", _environment, "--registry", registry.Url)).ShouldExitWith(0);

        Assert.Contains($"Created environment {_environment}.", created.Stdout, StringComparison.Ordinal);
        Assert.Contains("already exists", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_environment_name_is_exit_3_before_anything_is_sent()
    {
        var result = (await _folder.Evc("create-environment", "Prod!", "--registry", registry.Url)).ShouldExitWith(3);

        Assert.Contains("the environment name 'Prod!' is not valid", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_replaces_the_previous_version_and_an_undeployment_ends_it()
    {
        await registry.RecordReleaseAsync(_service, "1.0.0", [], []);
        await registry.RecordReleaseAsync(_service, "1.1.0", [], []);

        var first = (await Deploy("1.0.0")).ShouldExitWith(0);
        var second = (await Deploy("1.1.0")).ShouldExitWith(0);
        var same = (await Deploy("1.1.0")).ShouldExitWith(0);

        Assert.Contains($"Recorded deployment of {_service} 1.0.0 to {_environment}.", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Recorded deployment of {_service} 1.1.0 to {_environment}, replacing 1.0.0.", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("already the current deployment", same.Stdout, StringComparison.Ordinal);
        var environment = await registry.Http.GetFromJsonAsync<EnvironmentDetails>($"v1/environments/{_environment}");
        Assert.Equal("1.1.0", Assert.Single(environment!.Deployments).Version);

        var undeployed = (await _folder.Evc("record-undeployment", "--service", _service, "--env", _environment, "--registry", registry.Url)).ShouldExitWith(0);
        Assert.Contains($"Recorded undeployment of {_service} 1.1.0 from {_environment}.", undeployed.Stdout, StringComparison.Ordinal);
        environment = await registry.Http.GetFromJsonAsync<EnvironmentDetails>($"v1/environments/{_environment}");
        Assert.Empty(environment!.Deployments);

        var notDeployed = (await _folder.Evc("record-undeployment", "--service", _service, "--env", _environment, "--registry", registry.Url)).ShouldExitWith(3);
        Assert.StartsWith("evc: ", notDeployed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploying_a_release_never_recorded_is_exit_3_with_the_registrys_message()
    {
        var result = (await Deploy("9.9.9")).ShouldExitWith(3);

        Assert.StartsWith("evc: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("9.9.9", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("--service", "Billing")]
    [InlineData("--version", "1.0 final")]
    [InlineData("--env", "pro duction")]
    public async Task A_bad_name_is_exit_3(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--service"] = "billing", ["--version"] = "1.0.0", ["--env"] = "production" };
        args[option] = value;

        var result = (await _folder.Evc("record-deployment", "--service", args["--service"], "--version", args["--version"], "--env", args["--env"], "--registry", registry.Url)).ShouldExitWith(3);

        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }

    private Task<EvcResult> Deploy(string version) =>
        _folder.Evc("record-deployment", "--service", _service, "--version", version, "--env", _environment, "--registry", registry.Url);
}
