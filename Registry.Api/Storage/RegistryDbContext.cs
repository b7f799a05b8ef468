using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Storage;

/// <summary>
/// The registry's tables. Correctness under concurrency comes from the database: unique (subject, version),
/// unique fingerprint, and transactions around every write (DESIGN §8).
/// </summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<SchemaRecord> Schemas => Set<SchemaRecord>();

    public DbSet<SubjectRecord> Subjects => Set<SubjectRecord>();

    public DbSet<SubjectVersionRecord> SubjectVersions => Set<SubjectVersionRecord>();

    public DbSet<SchemaReferenceRecord> SchemaReferences => Set<SchemaReferenceRecord>();

    public DbSet<SettingRecord> Settings => Set<SettingRecord>();

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
    }
}
