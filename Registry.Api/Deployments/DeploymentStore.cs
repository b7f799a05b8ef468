using EventContracts.Api.Core;
using EventContracts.Api.Storage;
using EventContracts.Deployments;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Deployments;

/// <summary>
/// Environments and what runs there (docs/deploy-gate.md). A deployment replaces the service's current one in the
/// environment and keeps it as history; the database holds at most one current deployment per (environment, service).
/// </summary>
public sealed class DeploymentStore(IDbContextFactory<RegistryDbContext> contexts, WriteGate gate, TimeProvider clock)
{
    private const int MaxStoreAttempts = 5;

    /// <summary><c>PUT /v1/environments/{environment}</c>; <c>Created</c> is false when it existed.</summary>
    public async Task<(EnvironmentInfo Environment, bool Created)> CreateEnvironmentAsync(string environment, CancellationToken cancellationToken)
    {
        DeploymentErrors.RequireValid(DeploymentNames.CheckEnvironment(environment));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(cancellationToken);
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var (row, created) = await EnsureEnvironmentAsync(db, environment, cancellationToken);
                var deployed = created ? 0 : await db.Deployments.CountAsync(d => d.EnvironmentId == row.Id && d.EndedAt == null, cancellationToken);
                return (new EnvironmentInfo(row.Name, row.CreatedAt, deployed), created);
            }
            catch (Exception e) when (attempt < MaxStoreAttempts && WriteConflicts.IsConflict(e))
            {
                // Another writer created it first: read it again.
                await WriteConflicts.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary><c>GET /v1/environments</c>, sorted by name.</summary>
    public async Task<IReadOnlyList<EnvironmentInfo>> ListEnvironmentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Environments.AsNoTracking()
            .Select(e => new { e.Name, e.CreatedAt, Deployed = db.Deployments.Count(d => d.EnvironmentId == e.Id && d.EndedAt == null) })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new EnvironmentInfo(r.Name, r.CreatedAt, r.Deployed))];
    }

    /// <summary><c>GET /v1/environments/{environment}</c>: current deployments sorted by service; 404 when unknown.</summary>
    public async Task<EnvironmentDetails> EnvironmentAsync(string environment, CancellationToken cancellationToken)
    {
        DeploymentErrors.RequireValid(DeploymentNames.CheckEnvironment(environment));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await RequireEnvironmentAsync(db, environment, cancellationToken);
        var deployments = await ViewsAsync(db, db.Deployments.Where(d => d.EnvironmentId == row.Id && d.EndedAt == null), cancellationToken);
        return new EnvironmentDetails(row.Name, row.CreatedAt, [.. deployments.OrderBy(d => d.Service, StringComparer.Ordinal)]);
    }

    /// <summary><c>GET /v1/environments/{environment}/deployments/history</c>: newest first, ended ones included.</summary>
    public async Task<IReadOnlyList<Deployment>> HistoryAsync(string environment, string? service, CancellationToken cancellationToken)
    {
        DeploymentErrors.RequireValid(DeploymentNames.CheckEnvironment(environment));
        service = string.IsNullOrEmpty(service) ? null : service;
        if (service is not null)
        {
            DeploymentErrors.RequireValid(DeploymentNames.CheckService(service));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await RequireEnvironmentAsync(db, environment, cancellationToken);
        var query = db.Deployments.Where(d => d.EnvironmentId == row.Id);
        if (service is not null)
        {
            var serviceId = await db.Services.Where(s => s.Name == service).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
            query = query.Where(d => d.ServiceId == serviceId);
        }

        return await ViewsAsync(db, query, cancellationToken);
    }

    /// <summary>
    /// <c>POST /v1/environments/{environment}/deployments</c>: the release now runs there, replacing the service's current
    /// one. <c>Created</c> is false when that release was already the current one (nothing is recorded then).
    /// </summary>
    public async Task<(Deployment Deployment, bool Created)> DeployAsync(string environment, DeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DeploymentErrors.RequireValid(DeploymentNames.CheckEnvironment(environment));
        DeploymentErrors.RequireValid(DeploymentNames.CheckService(request.Service));
        DeploymentErrors.RequireValid(DeploymentNames.CheckVersion(request.Version));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(cancellationToken);
                return await DeployOnceAsync(environment, request.Service!, request.Version!, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxStoreAttempts && WriteConflicts.IsConflict(e))
            {
                // Another writer (another replica) created the environment or deployed the service there first: read again.
                await WriteConflicts.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<(Deployment Deployment, bool Created)> DeployOnceAsync(string environment, string service, string version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var serviceRow = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Name == service, cancellationToken);
        var release = serviceRow is null ? null : await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.ServiceId == serviceRow.Id && r.Version == version, cancellationToken);
        if (serviceRow is null || release is null)
        {
            throw new RegistryException(
                ErrorCodes.NotFound,
                $"{service} {version} is not a recorded release; record it first (POST /v1/services/{service}/releases, or evc record-release), then record the deployment.");
        }

        var (environmentRow, _) = await EnsureEnvironmentAsync(db, environment, cancellationToken);
        var current = await db.Deployments.FirstOrDefaultAsync(d => d.EnvironmentId == environmentRow.Id && d.ServiceId == serviceRow.Id && d.EndedAt == null, cancellationToken);
        if (current is not null && current.ReleaseId == release.Id)
        {
            await transaction.CommitAsync(cancellationToken);
            return (ToDeployment(environment, service, version, current), false);
        }

        var now = clock.StoredNow();
        string? replaced = null;
        if (current is not null)
        {
            replaced = await db.Releases.Where(r => r.Id == current.ReleaseId).Select(r => r.Version).FirstAsync(cancellationToken);
            current.EndedAt = now;
            current.EndedBy = EndedByReplaced;

            // Saved before the insert: the unique index on current deployments must see this one ended first.
            await db.SaveChangesAsync(cancellationToken);
        }

        var deployment = new DeploymentRecord { EnvironmentId = environmentRow.Id, ServiceId = serviceRow.Id, ReleaseId = release.Id, DeployedAt = now, Replaced = replaced };
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (ToDeployment(environment, service, version, deployment), true);
    }

    /// <summary><c>DELETE /v1/environments/{environment}/deployments/{service}</c>: ends the current deployment; 404 when there is none.</summary>
    public async Task<Deployment> UndeployAsync(string environment, string service, CancellationToken cancellationToken)
    {
        DeploymentErrors.RequireValid(DeploymentNames.CheckEnvironment(environment));
        DeploymentErrors.RequireValid(DeploymentNames.CheckService(service));
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var environmentRow = await RequireEnvironmentAsync(db, environment, cancellationToken);
        var current = await (from d in db.Deployments
                             join s in db.Services on d.ServiceId equals s.Id
                             where d.EnvironmentId == environmentRow.Id && s.Name == service && d.EndedAt == null
                             select d).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RegistryException(ErrorCodes.NotFound, $"{service} is not deployed in {environment}; there is nothing to undeploy.");
        current.EndedAt = clock.StoredNow();
        current.EndedBy = EndedByUndeployed;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var version = await db.Releases.Where(r => r.Id == current.ReleaseId).Select(r => r.Version).FirstAsync(cancellationToken);
        return ToDeployment(environment, service, version, current);
    }

    internal const string EndedByReplaced = "replaced";
    internal const string EndedByUndeployed = "undeployed";

    private async Task<(EnvironmentRecord Row, bool Created)> EnsureEnvironmentAsync(RegistryDbContext db, string environment, CancellationToken cancellationToken)
    {
        var row = await db.Environments.AsNoTracking().FirstOrDefaultAsync(e => e.Name == environment, cancellationToken);
        if (row is not null)
        {
            return (row, false);
        }

        row = new EnvironmentRecord { Name = environment, CreatedAt = clock.StoredNow() };
        db.Environments.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (row, true);
    }

    internal static async Task<EnvironmentRecord> RequireEnvironmentAsync(RegistryDbContext db, string environment, CancellationToken cancellationToken)
    {
        var row = await db.Environments.AsNoTracking().FirstOrDefaultAsync(e => e.Name == environment, cancellationToken);
        if (row is not null)
        {
            return row;
        }

        // Naming the known environments turns a typo ("prodution") into a one-glance fix.
        const int Listed = 20;
        var known = await db.Environments.AsNoTracking().OrderBy(e => e.Name).Select(e => e.Name).Take(Listed + 1).ToListAsync(cancellationToken);
        var list = known.Count == 0 ? "none is recorded yet"
            : "known: " + string.Join(", ", known.Take(Listed)) + (known.Count > Listed ? ", …" : string.Empty);
        throw new RegistryException(ErrorCodes.NotFound, $"Environment {environment} is not known ({list}); create it with PUT /v1/environments/{environment} or by recording a deployment there.");
    }

    /// <summary>The wire form of the given deployments, newest first.</summary>
    internal static async Task<List<Deployment>> ViewsAsync(RegistryDbContext db, IQueryable<DeploymentRecord> deployments, CancellationToken cancellationToken)
    {
        var rows = await (from d in deployments.AsNoTracking()
                          join e in db.Environments on d.EnvironmentId equals e.Id
                          join s in db.Services on d.ServiceId equals s.Id
                          join r in db.Releases on d.ReleaseId equals r.Id
                          orderby d.Id descending
                          select new { Environment = e.Name, Service = s.Name, r.Version, Deployment = d })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToDeployment(r.Environment, r.Service, r.Version, r.Deployment))];
    }

    private static Deployment ToDeployment(string environment, string service, string version, DeploymentRecord row) =>
        new(environment, service, version, row.DeployedAt, row.EndedAt, row.EndedBy switch
        {
            EndedByReplaced => DeploymentEnd.Replaced,
            EndedByUndeployed => DeploymentEnd.Undeployed,
            _ => null,
        }, row.Replaced);
}
