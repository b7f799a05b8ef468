using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Storage;

/// <summary>
/// The registry's tables. Correctness under concurrency comes from the database: unique (subject, version),
/// unique fingerprint, and transactions around every write (DESIGN §8). This type is the SQLite store and owns the
/// SQLite migrations; <see cref="Postgres.PostgresRegistryDbContext"/> is the same model on PostgreSQL with its own.
/// </summary>
public class RegistryDbContext : DbContext
{
    public RegistryDbContext(DbContextOptions<RegistryDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, which EF Core needs to keep that provider's migrations apart.</summary>
    protected RegistryDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SchemaRecord> Schemas => Set<SchemaRecord>();

    public DbSet<SubjectRecord> Subjects => Set<SubjectRecord>();

    public DbSet<SubjectVersionRecord> SubjectVersions => Set<SubjectVersionRecord>();

    public DbSet<SchemaReferenceRecord> SchemaReferences => Set<SchemaReferenceRecord>();

    public DbSet<SettingRecord> Settings => Set<SettingRecord>();

    public DbSet<ServiceRecord> Services => Set<ServiceRecord>();

    public DbSet<ReleaseRecord> Releases => Set<ReleaseRecord>();

    public DbSet<ReleaseContractRecord> ReleaseContracts => Set<ReleaseContractRecord>();

    public DbSet<EnvironmentRecord> Environments => Set<EnvironmentRecord>();

    public DbSet<DeploymentRecord> Deployments => Set<DeploymentRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SchemaRecord>(schema =>
        {
            schema.ToTable("schemas");
            schema.HasKey(s => s.Id);
            schema.Property(s => s.Id).ValueGeneratedOnAdd();
            schema.HasIndex(s => s.Fingerprint).IsUnique();
            schema.Property(s => s.Fingerprint).HasMaxLength(64);
            schema.Property(s => s.SchemaType).HasMaxLength(16);
        });
        modelBuilder.Entity<SubjectRecord>(subject =>
        {
            subject.ToTable("subjects");
            subject.HasKey(s => s.Name);
            subject.Property(s => s.Name).HasMaxLength(255);
            subject.Property(s => s.LastVersion).IsConcurrencyToken();
        });
        modelBuilder.Entity<SubjectVersionRecord>(version =>
        {
            version.ToTable("subject_versions");
            version.HasKey(v => v.Id);
            version.HasIndex(v => new { v.Subject, v.Version }).IsUnique();
            version.HasIndex(v => new { v.Subject, v.SchemaId });
            version.HasIndex(v => v.SchemaId);
            version.Property(v => v.Subject).HasMaxLength(255);
        });
        modelBuilder.Entity<SchemaReferenceRecord>(reference =>
        {
            reference.ToTable("schema_references");
            reference.HasKey(r => r.Id);
            reference.HasIndex(r => new { r.Subject, r.Version });
            reference.HasIndex(r => r.SchemaId);
        });
        modelBuilder.Entity<SettingRecord>(setting =>
        {
            setting.ToTable("settings");
            setting.HasKey(s => s.Scope);
            setting.Property(s => s.Scope).HasMaxLength(255);
        });
        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(64);
            key.Property(k => k.Role).HasMaxLength(16);
            key.Property(k => k.Scopes).HasMaxLength(4000);
            key.Property(k => k.Description).HasMaxLength(200);
        });
        OnDeployGateCreating(modelBuilder);
    }

    /// <summary>
    /// The deploy gate's tables (docs/deploy-gate.md). Uniqueness is the database's: one service per name, one release
    /// per (service, version), one environment per name, and one current deployment per (environment, service).
    /// </summary>
    private static void OnDeployGateCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceRecord>(service =>
        {
            service.ToTable("services");
            service.HasKey(s => s.Id);
            service.HasIndex(s => s.Name).IsUnique();
            service.Property(s => s.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<ReleaseRecord>(release =>
        {
            release.ToTable("releases");
            release.HasKey(r => r.Id);
            release.HasIndex(r => new { r.ServiceId, r.Version }).IsUnique();
            release.Property(r => r.Version).HasMaxLength(100);
            release.HasOne<ServiceRecord>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ReleaseContractRecord>(contract =>
        {
            contract.ToTable("release_contracts");
            contract.HasKey(c => c.Id);
            contract.HasIndex(c => new { c.ReleaseId, c.Role, c.EventType, c.SchemaVersion }).IsUnique();

            // The gate looks up who produces or consumes an event type.
            contract.HasIndex(c => new { c.EventType, c.ReleaseId });
            contract.Property(c => c.Role).HasMaxLength(16);
            contract.Property(c => c.EventType).HasMaxLength(255);
            contract.HasOne<ReleaseRecord>().WithMany().HasForeignKey(c => c.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EnvironmentRecord>(environment =>
        {
            environment.ToTable("environments");
            environment.HasKey(e => e.Id);
            environment.HasIndex(e => e.Name).IsUnique();
            environment.Property(e => e.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<DeploymentRecord>(deployment =>
        {
            deployment.ToTable("deployments");
            deployment.HasKey(d => d.Id);

            // At most one current deployment per (environment, service); the quoted column name reads the same in
            // SQLite and PostgreSQL.
            deployment.HasIndex(d => new { d.EnvironmentId, d.ServiceId }).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_deployments_current");
            deployment.HasIndex(d => new { d.EnvironmentId, d.ServiceId, d.Id }).HasDatabaseName("IX_deployments_history");
            deployment.HasIndex(d => d.ReleaseId);
            deployment.Property(d => d.EndedBy).HasMaxLength(16);
            deployment.Property(d => d.Replaced).HasMaxLength(100);
            deployment.HasOne<EnvironmentRecord>().WithMany().HasForeignKey(d => d.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
            deployment.HasOne<ServiceRecord>().WithMany().HasForeignKey(d => d.ServiceId).OnDelete(DeleteBehavior.Restrict);
            deployment.HasOne<ReleaseRecord>().WithMany().HasForeignKey(d => d.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
