using EventContracts.Api.Core;

namespace EventContracts.Api.Deployments;

/// <summary>The deploy gate's refusals of bad input: a rule's message becomes a 400 that says what to fix.</summary>
internal static class DeploymentErrors
{
    /// <summary>Throws a 400 with <paramref name="problem"/> (a message from <see cref="EventContracts.Deployments.DeploymentNames"/>) when it is not null.</summary>
    public static void RequireValid(string? problem)
    {
        if (problem is not null)
        {
            throw new RegistryException(ErrorCodes.BadRequest, char.ToUpperInvariant(problem[0]) + problem[1..]);
        }
    }
}
