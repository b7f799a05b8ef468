using EventContracts.Api.Storage;
using EventContracts.Compatibility;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Core;

/// <summary>
/// Compatibility configuration and mode, globally and per subject. Read from the database on every use, so
/// every replica sees a change at once (DESIGN §8).
/// </summary>
public sealed class SettingsStore(IDbContextFactory<RegistryDbContext> contexts, WriteGate gate)
{
    public const string GlobalScope = "";

    private const int MaxUpdateAttempts = 5;

    public static EffectiveConfig Defaults { get; } = new(CompatibilityLevel.Backward, CompatibilityPolicy.Strict, Normalize: false);

    public async Task<SettingRecord?> FindAsync(string scope, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Scope == scope, cancellationToken);
    }

    public async Task<EffectiveConfig> ConfigAsync(string? subject, CancellationToken cancellationToken) =>
        ConfigFrom(await ReadAsync(subject, cancellationToken), subject);

    public async Task<RegistryMode> ModeAsync(string? subject, CancellationToken cancellationToken) =>
        ModeFrom(await ReadAsync(subject, cancellationToken), subject);

    /// <summary>The mode and the configuration in force for a subject, from one read on the caller's context.</summary>
    public static async Task<(RegistryMode Mode, EffectiveConfig Config)> ModeAndConfigAsync(RegistryDbContext db, string subject, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(db, subject, cancellationToken);
        return (ModeFrom(rows, subject), ConfigFrom(rows, subject));
    }

    /// <summary>The configuration in force for each of <paramref name="subjects"/>, from one read on the caller's context.</summary>
    public static async Task<Dictionary<string, EffectiveConfig>> ConfigsAsync(RegistryDbContext db, IReadOnlyCollection<string> subjects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subjects);
        var scopes = subjects.ToList();
        var rows = await db.Settings.AsNoTracking().Where(s => s.Scope == GlobalScope || scopes.Contains(s.Scope)).ToListAsync(cancellationToken);
        return subjects.Distinct(StringComparer.Ordinal).ToDictionary(subject => subject, subject => ConfigFrom(rows, subject), StringComparer.Ordinal);
    }

    // Compiled: registration reads the settings on every call, and EF Core's per-call query translation cache lookup costs more than the SQLite read.
    private static readonly CompiledQuery<Func<RegistryDbContext, string, IAsyncEnumerable<SettingRecord>>> ScopeRows = new(() =>
        EF.CompileAsyncQuery((RegistryDbContext db, string scope) => db.Settings.AsNoTracking().Where(s => s.Scope == GlobalScope || s.Scope == scope)));

    /// <summary>The global row and the subject's own row, those that exist.</summary>
    private async Task<List<SettingRecord>> ReadAsync(string? subject, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, subject, cancellationToken);
    }

    private static async Task<List<SettingRecord>> ReadAsync(RegistryDbContext db, string? subject, CancellationToken cancellationToken)
    {
        var rows = new List<SettingRecord>(2);
        await foreach (var row in ScopeRows.For(db)(db, subject ?? GlobalScope).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static EffectiveConfig ConfigFrom(List<SettingRecord> rows, string? subject)
    {
        var own = subject is null ? null : rows.FirstOrDefault(r => r.Scope == subject);
        var global = rows.FirstOrDefault(r => r.Scope == GlobalScope);

        var level = Defaults.Level;
        if (CompatibilityLevels.TryParse(own?.Compatibility ?? global?.Compatibility, out var configured))
        {
            level = configured;
        }

        var policy = Defaults.Policy;
        if (CompatibilityLevels.TryParsePolicy(own?.Policy ?? global?.Policy, out var configuredPolicy))
        {
            policy = configuredPolicy;
        }

        return new EffectiveConfig(level, policy, own?.Normalize ?? global?.Normalize ?? Defaults.Normalize);
    }

    private static RegistryMode ModeFrom(List<SettingRecord> rows, string? subject)
    {
        var text = rows.FirstOrDefault(r => r.Scope == subject)?.Mode ?? rows.FirstOrDefault(r => r.Scope == GlobalScope)?.Mode;
        return RegistryModes.TryParse(text, out var mode) ? mode : RegistryMode.ReadWrite;
    }

    /// <summary>Applies <paramref name="change"/> to the scope's row (created when missing) and returns the row as stored.</summary>
    public async Task<SettingRecord> UpdateAsync(string scope, Action<SettingRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(cancellationToken);
                return await UpdateOnceAsync(scope, change, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxUpdateAttempts && WriteConflicts.IsConflict(e))
            {
                // Another writer (another replica) created the scope's row first: read it again and change that one.
                await WriteConflicts.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<SettingRecord> UpdateOnceAsync(string scope, Action<SettingRecord> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Scope == scope, cancellationToken);
        if (row is null)
        {
            row = new SettingRecord { Scope = scope };
            db.Settings.Add(row);
        }

        change(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
