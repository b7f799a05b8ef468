using System.Diagnostics;
using EventContracts.Api.Core;
using EventContracts.Api.Storage;
using EventContracts.Deployments;
using EventContracts.Schemas;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Deployments;

/// <summary>
/// <c>GET /v1/can-i-deploy</c>: reads what the gate needs (the candidate release, the environment's current releases
/// limited to the event types that matter, the subjects, policies and parsed schemas) and lets <see cref="DeployGate"/> decide.
/// </summary>
public sealed class CanIDeploy(IDbContextFactory<RegistryDbContext> contexts, SchemaRegistry registry, ReadCheckCache checks)
{
    /// <summary>The report and the server time it took, in milliseconds.</summary>
    public async Task<(CanIDeployReport Report, double Milliseconds)> EvaluateAsync(GateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var started = Stopwatch.GetTimestamp();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var environment = await DeploymentStore.RequireEnvironmentAsync(db, query.Environment, cancellationToken);
        var serviceId = await db.Services.AsNoTracking().Where(s => s.Name == query.Service).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var candidateId = serviceId is null ? null
            : await db.Releases.AsNoTracking().Where(r => r.ServiceId == serviceId && r.Version == query.Version).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var current = serviceId is null ? null
            : await (from d in db.Deployments.AsNoTracking()
                     join r in db.Releases on d.ReleaseId equals r.Id
                     where d.EnvironmentId == environment.Id && d.ServiceId == serviceId && d.EndedAt == null
                     select new { r.Id, r.Version }).FirstOrDefaultAsync(cancellationToken);

        var own = await ReleaseStore.ContractsAsync(db, [.. new[] { candidateId, current?.Id }.OfType<long>()], cancellationToken);
        GateRelease? candidate = candidateId is { } id ? Release(query.Service, query.Version, own.GetValueOrDefault(id, ([], []))) : null;
        var deployed = new List<GateRelease>();
        if (current is not null)
        {
            deployed.Add(Release(query.Service, current.Version, own.GetValueOrDefault(current.Id, ([], []))));
        }

        var eventTypes = new[] { candidate?.Produces, candidate?.Consumes, deployed.FirstOrDefault()?.Produces }
            .SelectMany(list => list ?? []).Select(c => c.EventType).Distinct(StringComparer.Ordinal).ToList();
        if (candidate is not null && eventTypes.Count > 0)
        {
            deployed.AddRange(await OthersAsync(db, environment.Id, serviceId!.Value, eventTypes, cancellationToken));
        }

        var index = await SubjectIndex.LoadAsync(db, eventTypes, withPolicies: true, cancellationToken);
        await db.Database.CloseConnectionAsync();

        var resolutions = new Dictionary<ContractReference, ContractResolution>();
        var schemas = new Dictionary<int, ContractSchema>();
        foreach (var contract in deployed.Prepend(candidate).OfType<GateRelease>().SelectMany(r => r.Produces.Concat(r.Consumes)).Distinct())
        {
            resolutions[contract] = await ResolveAsync(index.Resolve(contract), schemas, cancellationToken);
        }

        var report = DeployGate.Evaluate(new GateInput(
            query,
            candidate,
            serviceId is not null,
            deployed,
            contract => resolutions.TryGetValue(contract, out var known) ? known : index.Resolve(contract),
            (reader, writer) => checks.CanRead(reader.SchemaId!.Value, schemas[reader.SchemaId.Value], writer.SchemaId!.Value, schemas[writer.SchemaId.Value], reader.Policy)));
        return (report, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The other services' current releases in the environment, with their contracts of the given event types only.</summary>
    private static async Task<IEnumerable<GateRelease>> OthersAsync(RegistryDbContext db, long environmentId, long serviceId, List<string> eventTypes, CancellationToken cancellationToken)
    {
        var rows = await (from c in db.ReleaseContracts.AsNoTracking()
                          join d in db.Deployments on c.ReleaseId equals d.ReleaseId
                          join s in db.Services on d.ServiceId equals s.Id
                          join r in db.Releases on d.ReleaseId equals r.Id
                          where eventTypes.Contains(c.EventType) && d.EnvironmentId == environmentId && d.EndedAt == null && d.ServiceId != serviceId
                          select new { Service = s.Name, r.Version, c.Role, c.EventType, c.SchemaVersion })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.Service, r.Version)).Select(g => new GateRelease(
            g.Key.Service,
            g.Key.Version,
            [.. g.Where(r => r.Role == ContractRoles.Produces).Select(r => new ContractReference(r.EventType, r.SchemaVersion)).Order(ContractOrder.Instance)],
            [.. g.Where(r => r.Role == ContractRoles.Consumes).Select(r => new ContractReference(r.EventType, r.SchemaVersion)).Order(ContractOrder.Instance)]));
    }

    /// <summary>Loads the parsed schema of a resolved contract; a schema that no longer parses leaves the contract unresolved.</summary>
    private async Task<ContractResolution> ResolveAsync(ContractResolution resolution, Dictionary<int, ContractSchema> schemas, CancellationToken cancellationToken)
    {
        if (resolution.SchemaId is not { } schemaId || schemas.ContainsKey(schemaId))
        {
            return resolution;
        }

        try
        {
            schemas[schemaId] = await registry.LoadParsedAsync(schemaId, cancellationToken);
            return resolution;
        }
        catch (Exception e) when (e is SchemaException or RegistryException)
        {
            return resolution with { SchemaId = null, Problem = $"schema {schemaId} of subject {resolution.Subject} cannot be read ({e.Message})" };
        }
    }

    private static GateRelease Release(string service, string version, (List<ContractReference> Produces, List<ContractReference> Consumes) contracts) =>
        new(service, version, contracts.Produces, contracts.Consumes);
}
