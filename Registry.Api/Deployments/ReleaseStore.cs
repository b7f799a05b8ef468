using EventContracts.Api.Core;
using EventContracts.Api.Storage;
using EventContracts.Deployments;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Deployments;

/// <summary>
/// Services and their releases (docs/deploy-gate.md). A release is immutable: recorded once, the same version with the
/// same contracts is answered idempotently, with other contracts refused. Uniqueness is the database's.
/// </summary>
public sealed class ReleaseStore(IDbContextFactory<RegistryDbContext> contexts, WriteGate gate, TimeProvider clock)
{
    private const int MaxStoreAttempts = 5;

    /// <summary>Records a release; <c>Created</c> is false when the same version with the same contracts was recorded before.</summary>
    public async Task<(Release Release, bool Created)> RecordAsync(string service, ReleaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DeploymentErrors.RequireValid(DeploymentNames.CheckService(service));
        DeploymentErrors.RequireValid(DeploymentNames.CheckVersion(request.Version));
        var produces = ParseContracts(request.Produces, ContractRoles.Produces);
        var consumes = ParseContracts(request.Consumes, ContractRoles.Consumes);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(cancellationToken);
                var (recordedAt, created) = await StoreOnceAsync(service, request.Version!, produces, consumes, cancellationToken);
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var release = await ToReleaseAsync(db, service, request.Version!, recordedAt, produces, consumes, cancellationToken);
                return (release, created);
            }
            catch (Exception e) when (attempt < MaxStoreAttempts && WriteConflicts.IsConflict(e))
            {
                // Another writer (another replica) recorded the service or this release first: read again and retry.
                await WriteConflicts.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<(DateTimeOffset RecordedAt, bool Created)> StoreOnceAsync(string service, string version, List<ContractReference> produces, List<ContractReference> consumes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.StoredNow();
        var serviceRow = await db.Services.FirstOrDefaultAsync(s => s.Name == service, cancellationToken);
        if (serviceRow is null)
        {
            serviceRow = new ServiceRecord { Name = service, CreatedAt = now };
            db.Services.Add(serviceRow);
            await db.SaveChangesAsync(cancellationToken);
        }

        var existing = await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.ServiceId == serviceRow.Id && r.Version == version, cancellationToken);
        if (existing is not null)
        {
            var contracts = await ContractsAsync(db, [existing.Id], cancellationToken);
            var (storedProduces, storedConsumes) = contracts.GetValueOrDefault(existing.Id, ([], []));
            if (!storedProduces.SequenceEqual(produces) || !storedConsumes.SequenceEqual(consumes))
            {
                throw new RegistryException(
                    ErrorCodes.Conflict,
                    $"{service} {version} was already recorded with other contracts (produces [{Join(storedProduces)}], consumes [{Join(storedConsumes)}]); "
                    + $"this request declares produces [{Join(produces)}], consumes [{Join(consumes)}]. A release is immutable: record a new version.");
            }

            await transaction.CommitAsync(cancellationToken);
            return (existing.RecordedAt, false);
        }

        var release = new ReleaseRecord { ServiceId = serviceRow.Id, Version = version, RecordedAt = now };
        db.Releases.Add(release);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (role, list) in new[] { (ContractRoles.Produces, produces), (ContractRoles.Consumes, consumes) })
        {
            foreach (var contract in list)
            {
                db.ReleaseContracts.Add(new ReleaseContractRecord { ReleaseId = release.Id, Role = role, EventType = contract.EventType, SchemaVersion = contract.Version });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (now, true);
    }

    /// <summary><c>GET /v1/services</c>: every service with its number of releases, sorted by name.</summary>
    public async Task<IReadOnlyList<ServiceSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var services = await db.Services.AsNoTracking()
            .Select(s => new { s.Name, Count = db.Releases.Count(r => r.ServiceId == s.Id) })
            .ToListAsync(cancellationToken);
        return [.. services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new ServiceSummary(s.Name, s.Count))];
    }

    /// <summary><c>GET /v1/services/{service}</c>: releases newest first and where the service runs now; 404 when unknown.</summary>
    public async Task<ServiceDetails> DetailsAsync(string service, CancellationToken cancellationToken)
    {
        DeploymentErrors.RequireValid(DeploymentNames.CheckService(service));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var serviceRow = await RequireServiceAsync(db, service, cancellationToken);
        var releases = await db.Releases.AsNoTracking().Where(r => r.ServiceId == serviceRow.Id).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var contracts = await ContractsAsync(db, [.. releases.Select(r => r.Id)], cancellationToken);
        var index = await SubjectIndex.LoadAsync(db, contracts.Values.SelectMany(c => c.Produces.Concat(c.Consumes)).Select(c => c.EventType).Distinct(StringComparer.Ordinal), withPolicies: false, cancellationToken);
        var answer = releases.Select(r =>
        {
            var (produces, consumes) = contracts.GetValueOrDefault(r.Id, ([], []));
            return ToRelease(service, r.Version, r.RecordedAt, produces, consumes, index);
        }).ToList();
        var deployments = await DeploymentStore.ViewsAsync(db, db.Deployments.Where(d => d.ServiceId == serviceRow.Id && d.EndedAt == null), cancellationToken);
        return new ServiceDetails(service, answer, [.. deployments.OrderBy(d => d.Environment, StringComparer.Ordinal)]);
    }

    /// <summary><c>GET /v1/services/{service}/releases/{version}</c>; 404 when the service or the release is unknown.</summary>
    public async Task<Release> GetAsync(string service, string version, CancellationToken cancellationToken)
    {
        DeploymentErrors.RequireValid(DeploymentNames.CheckService(service));
        DeploymentErrors.RequireValid(DeploymentNames.CheckVersion(version));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var serviceRow = await RequireServiceAsync(db, service, cancellationToken);
        var release = await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.ServiceId == serviceRow.Id && r.Version == version, cancellationToken)
            ?? throw new RegistryException(ErrorCodes.NotFound, $"{service} has no release {version}; record it with POST /v1/services/{service}/releases (evc record-release).");
        var (produces, consumes) = (await ContractsAsync(db, [release.Id], cancellationToken)).GetValueOrDefault(release.Id, ([], []));
        return await ToReleaseAsync(db, service, version, release.RecordedAt, produces, consumes, cancellationToken);
    }

    private static async Task<ServiceRecord> RequireServiceAsync(RegistryDbContext db, string service, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Name == service, cancellationToken)
        ?? throw new RegistryException(ErrorCodes.NotFound, $"Service {service} is not known; a service is created by its first release (POST /v1/services/{service}/releases).");

    /// <summary>The contracts of each release, in the order they are stored and shown: by event type, then version.</summary>
    internal static async Task<Dictionary<long, (List<ContractReference> Produces, List<ContractReference> Consumes)>> ContractsAsync(RegistryDbContext db, IReadOnlyCollection<long> releaseIds, CancellationToken cancellationToken)
    {
        var ids = releaseIds.ToList();
        var rows = await db.ReleaseContracts.AsNoTracking().Where(c => ids.Contains(c.ReleaseId)).ToListAsync(cancellationToken);
        var result = new Dictionary<long, (List<ContractReference>, List<ContractReference>)>();
        foreach (var group in rows.GroupBy(r => r.ReleaseId))
        {
            result[group.Key] = (Sorted(group, ContractRoles.Produces), Sorted(group, ContractRoles.Consumes));
        }

        return result;

        static List<ContractReference> Sorted(IEnumerable<ReleaseContractRecord> rows, string role) =>
            [.. rows.Where(r => r.Role == role).Select(r => new ContractReference(r.EventType, r.SchemaVersion)).Order(ContractOrder.Instance)];
    }

    private static async Task<Release> ToReleaseAsync(RegistryDbContext db, string service, string version, DateTimeOffset recordedAt, List<ContractReference> produces, List<ContractReference> consumes, CancellationToken cancellationToken)
    {
        var index = await SubjectIndex.LoadAsync(db, produces.Concat(consumes).Select(c => c.EventType), withPolicies: false, cancellationToken);
        return ToRelease(service, version, recordedAt, produces, consumes, index);
    }

    private static Release ToRelease(string service, string version, DateTimeOffset recordedAt, List<ContractReference> produces, List<ContractReference> consumes, SubjectIndex index)
    {
        var warnings = new List<string>();
        foreach (var contract in produces.Concat(consumes).Distinct().Order(ContractOrder.Instance))
        {
            var resolved = index.Resolve(contract);
            if (resolved.Problem is { } problem)
            {
                warnings.Add($"{contract}: {problem} (yet); can-i-deploy answers unknown for it until that schema version is registered.");
            }
            else if (resolved.Deleted)
            {
                warnings.Add($"{contract}: version {contract.Version} of subject {resolved.Subject} is soft-deleted; its schema is still used.");
            }
        }

        return new Release(service, version, [.. produces.Select(c => c.ToString())], [.. consumes.Select(c => c.ToString())], recordedAt, warnings);
    }

    /// <summary>Parses a list of contracts; a bad or repeated one is a 400 that names it.</summary>
    private static List<ContractReference> ParseContracts(IReadOnlyList<string>? texts, string role)
    {
        var contracts = new List<ContractReference>();
        if (texts is null)
        {
            return contracts;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (!ContractReference.TryParse(texts[i], out var contract, out var problem))
            {
                throw new RegistryException(ErrorCodes.BadRequest, $"{role}[{i}]: {problem}");
            }

            if (contracts.Contains(contract))
            {
                throw new RegistryException(ErrorCodes.BadRequest, $"{role} lists {contract} twice; name each contract once (two versions of one event type are fine).");
            }

            contracts.Add(contract);
        }

        contracts.Sort(ContractOrder.Instance);
        return contracts;
    }

    private static string Join(IEnumerable<ContractReference> contracts) => string.Join(", ", contracts);
}
