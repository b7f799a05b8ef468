using System.Globalization;
using System.Text;
using System.Text.Json;
using EventContracts.Api.Storage;
using EventContracts.Compatibility;
using EventContracts.Linting;
using EventContracts.Schemas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace EventContracts.Api.Core;

/// <summary>
/// The registry's rules, shared by the Confluent and native surfaces: registration (limits → parse → naming and
/// lint → compatibility → store, in one transaction), lookups, soft and hard deletes, references.
/// Every decision about schemas is the SDK's engine; this class only stores and fetches.
/// </summary>
public sealed class SchemaRegistry(
    IDbContextFactory<RegistryDbContext> contexts,
    SettingsStore settings,
    SchemaCache cache,
    SchemaTextCache texts,
    WriteGate gate,
    IOptions<RegistryOptions> options,
    TimeProvider clock)
{
    private const int MaxReferenceDepth = 32;
    private const int MaxStoreAttempts = 5;

    // ---- registration ------------------------------------------------------------------------------

    public async Task<Registration> RegisterAsync(Subject subject, SchemaSubmission submission, bool? normalize, CancellationToken cancellationToken)
    {
        // The idempotent path reads the settings and the fingerprint's version on one connection: with SQLite, opening
        // and closing a pooled connection (and the pool's lock) cost as much as the two queries. The context goes back
        // to its pool before the store, which takes connections of its own: holding this one while waiting for the
        // write gate would let waiting registrations drain a bounded (PostgreSQL) connection pool.
        RegistryMode mode;
        EffectiveConfig config;
        ContractSchema? parsed;
        string text, fingerprint;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.OpenConnectionAsync(cancellationToken);

            // One read for both: the mode decides whether to go on, the configuration how to fingerprint.
            (mode, config) = await SettingsStore.ModeAndConfigAsync(db, subject.Name, cancellationToken);
            if (mode == RegistryMode.ReadOnly)
            {
                throw new RegistryException(ErrorCodes.OperationNotPermitted, $"Subject \"{subject}\" is in read-only mode; registration is not permitted.");
            }

            if ((submission.Id is not null || submission.Version is not null) && mode != RegistryMode.Import)
            {
                throw new RegistryException(ErrorCodes.OperationNotPermitted, $"An explicit id or version can only be given in IMPORT mode; subject \"{subject}\" is in {mode.ToWireName()} mode.");
            }

            SchemaForms forms;
            (forms, parsed) = await FormsAsync(submission, cancellationToken);
            text = normalize ?? config.Normalize ? forms.NormalizedText : forms.CanonicalText;
            fingerprint = FingerprintOf(text, submission.References);

            // The idempotent path (every Kafka producer start): the schema is already a live version of the subject.
            var existing = await FindVersionAsync(db, subject, fingerprint, includeDeleted: false, cancellationToken);
            if (existing is not null && submission.Id is null && submission.Version is null)
            {
                return new Registration(existing.Value.Id, existing.Value.Version, Created: false);
            }
        }

        parsed ??= await ParseAsync(submission, cancellationToken);
        Lint(subject, parsed);
        Func<CancellationToken, Task<int>>? check = mode == RegistryMode.Import ? null : ct => CheckCompatibleAsync(subject, parsed, config, ct);
        return await StoreAsync(subject, submission, text, fingerprint, check, cancellationToken);
    }

    /// <summary>Refuses an incompatible candidate with 409; returns the subject's last version number it was checked after.</summary>
    private async Task<int> CheckCompatibleAsync(Subject subject, ContractSchema parsed, EffectiveConfig config, CancellationToken cancellationToken)
    {
        // Read before the versions: a version stored in between makes this stale, never too new, so the store retries.
        int lastVersion;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            lastVersion = await db.Subjects.AsNoTracking().Where(s => s.Name == subject.Name).Select(s => s.LastVersion).FirstOrDefaultAsync(cancellationToken);
        }

        var previous = await LiveVersionsAsync(subject, cancellationToken);
        var result = CompatibilityChecker.Check(parsed, previous, config.Level, config.Policy);
        if (!result.IsCompatible)
        {
            throw Incompatible(subject, result);
        }

        return lastVersion;
    }

    private void Lint(Subject subject, ContractSchema parsed)
    {
        var errors = ContractLinter.Lint(parsed, subject.Name, options.Value.Lint()).Where(f => f.Severity == LintSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return;
        }

        var code = errors.TrueForAll(f => f.RuleId == LintRules.EventTypeName) ? ErrorCodes.InvalidSubject : ErrorCodes.InvalidSchema;
        var lines = string.Join("; ", errors.Select(f => $"{f.RuleId} {f.Pointer}: {f.Message}"));
        throw new RegistryException(code, $"The schema breaks {errors.Count} lint rule(s) for subject \"{subject}\": {lines}", [.. errors]);
    }

    internal static RegistryException Incompatible(Subject subject, CompatibilityResult result)
    {
        var breaking = result.Differences.Where(d => !d.IsCompatible).ToList();
        var details = string.Join(", ", breaking.Select(d => $"{{errorType:'{d.Type.ToWireName()}', description:'{d.Message}', additionalInfo:'{d.Path}'}}"));
        return new RegistryException(
            ErrorCodes.Incompatible,
            $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\" ({result.Level.ToWireName()}, {result.Policy.ToWireName()}), details: [{details}]",
            [.. breaking]);
    }

    private async Task<Registration> StoreAsync(Subject subject, SchemaSubmission submission, string text, string fingerprint, Func<CancellationToken, Task<int>>? check, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(cancellationToken);
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await SubjectLock.AcquireAsync(db, subject.Name, cancellationToken);

                // Checked under the gate and the subject's lock, so concurrent registrations, on this replica or another,
                // are each checked against the version stored just before them; the store still compares the last
                // version with the one checked after, should anything have slipped in.
                int? checkedAfter = check is null ? null : await check(cancellationToken);
                return await StoreOnceAsync(db, transaction, subject, submission, text, fingerprint, checkedAfter, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxStoreAttempts && WriteConflicts.IsConflict(e))
            {
                // Another writer (another replica) inserted the same fingerprint or version first: read again and retry.
                await WriteConflicts.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<Registration> StoreOnceAsync(RegistryDbContext db, IDbContextTransaction transaction, Subject subject, SchemaSubmission submission, string text, string fingerprint, int? checkedAfter, CancellationToken cancellationToken)
    {
        var schema = await db.Schemas.FirstOrDefaultAsync(s => s.Fingerprint == fingerprint, cancellationToken);
        if (schema is null)
        {
            if (submission.Id is { } wantedId && await db.Schemas.AnyAsync(s => s.Id == wantedId, cancellationToken))
            {
                throw new RegistryException(ErrorCodes.OperationNotPermitted, $"Schema id {wantedId} already names a different schema; import it under a free id.");
            }

            schema = new SchemaRecord { Fingerprint = fingerprint, Text = text, ReferencesJson = ReferencesJson(submission.References) };
            if (submission.Id is { } id)
            {
                schema.Id = id;
            }

            db.Schemas.Add(schema);
            await db.SaveChangesAsync(cancellationToken);
            if (submission.Id is not null)
            {
                await SchemaIds.FollowImportedAsync(db, cancellationToken);
            }

            foreach (var reference in submission.References)
            {
                db.SchemaReferences.Add(new SchemaReferenceRecord { SchemaId = schema.Id, Name = reference.Name, Subject = reference.Subject, Version = reference.Version });
            }
        }
        else if (submission.Id is { } wantedId && wantedId != schema.Id)
        {
            throw new RegistryException(ErrorCodes.OperationNotPermitted, $"This schema is already registered with id {schema.Id}, not {wantedId}.");
        }

        var live = await db.SubjectVersions
            .Where(v => v.Subject == subject.Name && v.SchemaId == schema.Id && !v.Deleted)
            .Select(v => (int?)v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (live is { } liveVersion && (submission.Version is null || submission.Version == liveVersion))
        {
            await transaction.CommitAsync(cancellationToken);
            return new Registration(schema.Id, liveVersion, Created: false);
        }

        var subjectRow = await db.Subjects.FirstOrDefaultAsync(s => s.Name == subject.Name, cancellationToken);
        if (subjectRow is null)
        {
            subjectRow = new SubjectRecord { Name = subject.Name };
            db.Subjects.Add(subjectRow);
        }

        if (checkedAfter is { } checkedVersion && subjectRow.LastVersion != checkedVersion)
        {
            throw new DbUpdateConcurrencyException($"Subject \"{subject}\" got version {subjectRow.LastVersion} after the compatibility check against version {checkedVersion}; check again.");
        }

        var version = submission.Version ?? subjectRow.LastVersion + 1;
        if (submission.Version is { } wanted && await db.SubjectVersions.AnyAsync(v => v.Subject == subject.Name && v.Version == wanted, cancellationToken))
        {
            throw new RegistryException(ErrorCodes.OperationNotPermitted, $"Version {wanted} of subject \"{subject}\" already exists; versions are never reused.");
        }

        subjectRow.LastVersion = Math.Max(subjectRow.LastVersion, version);
        db.SubjectVersions.Add(new SubjectVersionRecord { Subject = subject.Name, Version = version, SchemaId = schema.Id, RegisteredAt = clock.StoredNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Registration(schema.Id, version, Created: true);
    }

    // ---- parsing -----------------------------------------------------------------------------------

    /// <summary>
    /// The submission's canonical and normalized texts. A text without references that parsed before is not parsed
    /// again (the parsed schema is then null); otherwise it is parsed, with every refusal <see cref="ParseAsync"/> makes.
    /// </summary>
    private async Task<(SchemaForms Forms, ContractSchema? Parsed)> FormsAsync(SchemaSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.References.Count == 0 && IsJsonType(submission.SchemaType) && texts.TryGet(submission.Schema, out var known))
        {
            return (known, null);
        }

        var parsed = await ParseAsync(submission, cancellationToken);
        var forms = new SchemaForms(parsed.CanonicalText, parsed.NormalizedText);
        if (submission.References.Count == 0)
        {
            // With references the forms are the same, but the text only parses while they resolve: parse every time.
            texts.Add(submission.Schema, forms);
        }

        return (forms, parsed);
    }

    private static bool IsJsonType(string? schemaType) => schemaType?.Trim().ToUpperInvariant() is null or "" or "JSON";

    /// <summary>Parses a submitted schema with its references; every failure is a 42201/42209 that says what to fix.</summary>
    public async Task<ContractSchema> ParseAsync(SchemaSubmission submission, CancellationToken cancellationToken)
    {
        if (!IsJsonType(submission.SchemaType))
        {
            var type = submission.SchemaType?.Trim().ToUpperInvariant();
            throw new RegistryException(
                ErrorCodes.InvalidSchema,
                type is "AVRO" or "PROTOBUF"
                    ? $"Schema type {type} is not supported: EventContracts registers JSON Schema only (schemaType \"JSON\")."
                    : $"Unknown schema type \"{submission.SchemaType}\": EventContracts registers JSON Schema only (schemaType \"JSON\").");
        }

        if (string.IsNullOrWhiteSpace(submission.Schema))
        {
            throw new RegistryException(ErrorCodes.InvalidSchema, "The request has no schema: send {\"schema\": \"<JSON Schema as a string>\"}.");
        }

        var limits = options.Value.Limits;
        if (Encoding.UTF8.GetByteCount(submission.Schema) > limits.MaxBytes)
        {
            throw new RegistryException(ErrorCodes.SchemaTooLarge, $"The schema is larger than {limits.MaxBytes:N0} bytes; split it into referenced schemas.");
        }

        var references = await ResolveReferencesAsync(submission.References, depth: 0, cancellationToken);
        try
        {
            return ContractSchema.Parse(submission.Schema, new SchemaParseOptions { References = references, Limits = limits });
        }
        catch (SchemaException e)
        {
            throw new RegistryException(e.Kind == SchemaErrorKind.TooLarge ? ErrorCodes.SchemaTooLarge : ErrorCodes.InvalidSchema, $"Invalid schema: {e.Message}", [new { kind = e.Kind.ToString(), pointer = e.Pointer, line = e.Position?.Line, column = e.Position?.Column }]);
        }
    }

    private async Task<Dictionary<string, ContractSchema>> ResolveReferencesAsync(IReadOnlyList<SchemaReference> references, int depth, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, ContractSchema>(StringComparer.Ordinal);
        if (references.Count == 0)
        {
            return resolved;
        }

        if (depth > MaxReferenceDepth)
        {
            throw new RegistryException(ErrorCodes.InvalidSchema, $"Schema references nest deeper than {MaxReferenceDepth} levels.");
        }

        foreach (var reference in references)
        {
            // A JSON body may hold null where a reference belongs ("references": [null]).
            if (reference is null || string.IsNullOrEmpty(reference.Name) || string.IsNullOrEmpty(reference.Subject))
            {
                throw new RegistryException(ErrorCodes.InvalidSchema, "Each reference needs a name (what the $ref says), a subject and a version.");
            }

            // A name is what a $ref says, so no control character belongs in it (and PostgreSQL text cannot hold NUL).
            if (reference.Name.Any(char.IsControl))
            {
                throw new RegistryException(ErrorCodes.InvalidSchema, "A reference name holds a control character; name the reference as its $ref does.");
            }

            var version = await FindSubjectVersionAsync(Subject.Parse(reference.Subject), reference.Version == -1 ? "latest" : reference.Version.ToString(CultureInfo.InvariantCulture), includeDeleted: true, cancellationToken)
                ?? throw new RegistryException(ErrorCodes.InvalidSchema, $"Reference \"{reference.Name}\" names version {reference.Version} of subject \"{reference.Subject}\", which is not registered. Register it first.");
            resolved[reference.Name] = await LoadParsedAsync(version.Id, depth + 1, cancellationToken);
        }

        return resolved;
    }

    /// <summary>The parsed schema of a registered id, with its references; cached for good.</summary>
    public Task<ContractSchema> LoadParsedAsync(int id, CancellationToken cancellationToken) => LoadParsedAsync(id, 0, cancellationToken);

    private async Task<ContractSchema> LoadParsedAsync(int id, int depth, CancellationToken cancellationToken)
    {
        if (cache.TryGetParsed(id, out var parsed))
        {
            return parsed;
        }

        var stored = await GetSchemaAsync(id, cancellationToken) ?? throw new RegistryException(ErrorCodes.SchemaNotFound, $"Schema {id} not found.");
        var references = await ResolveReferencesAsync(stored.References, depth, cancellationToken);
        parsed = ContractSchema.Parse(stored.Text, new SchemaParseOptions { References = references, Limits = options.Value.Limits with { MaxBytes = int.MaxValue }, Pool = cache.Subschemas });
        cache.AddParsed(id, parsed);
        return parsed;
    }

    // ---- reads -------------------------------------------------------------------------------------

    public async Task<StoredSchema?> GetSchemaAsync(int id, CancellationToken cancellationToken)
    {
        if (cache.TryGetStored(id, out var stored))
        {
            return stored;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Schemas.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        stored = new StoredSchema(row.Id, row.Text, ParseReferences(row.ReferencesJson));
        cache.AddStored(stored);
        return stored;
    }

    /// <summary>The subject's live versions with their parsed schemas, oldest first.</summary>
    public async Task<List<VersionedSchema>> LiveVersionsAsync(Subject subject, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SubjectVersions.AsNoTracking()
            .Where(v => v.Subject == subject.Name && !v.Deleted)
            .OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.SchemaId })
            .ToListAsync(cancellationToken);
        var versions = new List<VersionedSchema>(rows.Count);
        foreach (var row in rows)
        {
            versions.Add(new VersionedSchema(row.Version, await LoadParsedAsync(row.SchemaId, cancellationToken)));
        }

        return versions;
    }

    // Compiled: the idempotent registration every producer sends at start runs this on every call.
    private static readonly CompiledQuery<Func<RegistryDbContext, string, string, bool, CancellationToken, Task<SubjectVersionRecord?>>> VersionByFingerprint = new(() =>
        EF.CompileAsyncQuery((RegistryDbContext db, string fingerprint, string subject, bool includeDeleted, CancellationToken cancellationToken) => (
            from schema in db.Schemas.AsNoTracking()
            join version in db.SubjectVersions.AsNoTracking() on schema.Id equals version.SchemaId
            where schema.Fingerprint == fingerprint && version.Subject == subject && (includeDeleted || !version.Deleted)
            orderby version.Deleted, version.Version descending
            select version).FirstOrDefault()));

    private async Task<(int Id, int Version)?> FindVersionAsync(Subject subject, string fingerprint, bool includeDeleted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindVersionAsync(db, subject, fingerprint, includeDeleted, cancellationToken);
    }

    private static async Task<(int Id, int Version)?> FindVersionAsync(RegistryDbContext db, Subject subject, string fingerprint, bool includeDeleted, CancellationToken cancellationToken)
    {
        var match = await VersionByFingerprint.For(db)(db, fingerprint, subject.Name, includeDeleted, cancellationToken);
        return match is null ? null : (match.SchemaId, match.Version);
    }

    /// <summary>POST /subjects/{s}: the version of the subject holding this schema.</summary>
    public async Task<SubjectVersion> LookupAsync(Subject subject, SchemaSubmission submission, bool? normalize, bool includeDeleted, CancellationToken cancellationToken)
    {
        await RequireSubjectAsync(subject, includeDeleted, cancellationToken);
        var config = await settings.ConfigAsync(subject.Name, cancellationToken);
        var (forms, _) = await FormsAsync(submission, cancellationToken);
        var candidates = new[] { forms.CanonicalText, forms.NormalizedText };
        foreach (var text in (normalize ?? config.Normalize) ? candidates.Reverse() : candidates)
        {
            if (await FindVersionAsync(subject, FingerprintOf(text, submission.References), includeDeleted, cancellationToken) is { } found)
            {
                return (await FindSubjectVersionAsync(subject, found.Version.ToString(CultureInfo.InvariantCulture), includeDeleted: true, cancellationToken))!;
            }
        }

        throw new RegistryException(ErrorCodes.SchemaNotFound, $"The schema is not registered under subject \"{subject}\".");
    }

    public async Task<IReadOnlyList<string>> SubjectsAsync(bool includeDeleted, string? prefix, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.SubjectVersions.AsNoTracking().Where(v => includeDeleted || !v.Deleted);
        if (!string.IsNullOrEmpty(prefix))
        {
            query = query.Where(v => v.Subject.StartsWith(prefix));
        }

        var subjects = await query.Select(v => v.Subject).Distinct().ToListAsync(cancellationToken);
        subjects.RemoveAll(s => !HasPrefix(s, prefix));
        subjects.Sort(StringComparer.Ordinal);
        return subjects;
    }

    /// <summary>
    /// Subject names are case-sensitive, but SQLite's LIKE (what the query's StartsWith becomes) ignores ASCII case:
    /// the query narrows, this decides.
    /// </summary>
    private static bool HasPrefix(string subject, string? prefix) =>
        string.IsNullOrEmpty(prefix) || subject.StartsWith(prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<int>> VersionsAsync(Subject subject, bool includeDeleted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.SubjectVersions.AsNoTracking()
            .Where(v => v.Subject == subject.Name && (includeDeleted || !v.Deleted))
            .OrderBy(v => v.Version).Select(v => v.Version).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new RegistryException(ErrorCodes.SubjectNotFound, $"Subject \"{subject}\" not found.");
        }

        return versions;
    }

    public async Task<SubjectVersion> GetVersionAsync(Subject subject, string version, bool includeDeleted, CancellationToken cancellationToken)
    {
        var parsedVersion = ParseVersion(version);
        var found = await FindSubjectVersionAsync(subject, version, includeDeleted, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        await RequireSubjectAsync(subject, includeDeleted, cancellationToken);
        throw new RegistryException(ErrorCodes.VersionNotFound, parsedVersion is null ? $"Subject \"{subject}\" has no live version." : $"Version {parsedVersion} of subject \"{subject}\" not found.");
    }

    // Compiled: GET .../versions/{v|latest} is what serializers with use.latest.version ask on every start.
    private static readonly CompiledQuery<Func<RegistryDbContext, string, int, bool, CancellationToken, Task<SubjectVersionRecord?>>> VersionByNumber = new(() =>
        EF.CompileAsyncQuery((RegistryDbContext db, string subject, int number, bool includeDeleted, CancellationToken cancellationToken) =>
            db.SubjectVersions.AsNoTracking().FirstOrDefault(v => v.Subject == subject && v.Version == number && (includeDeleted || !v.Deleted))));

    private static readonly CompiledQuery<Func<RegistryDbContext, string, CancellationToken, Task<SubjectVersionRecord?>>> LatestVersion = new(() =>
        EF.CompileAsyncQuery((RegistryDbContext db, string subject, CancellationToken cancellationToken) =>
            db.SubjectVersions.AsNoTracking().Where(v => v.Subject == subject && !v.Deleted).OrderByDescending(v => v.Version).FirstOrDefault()));

    /// <summary>Reads a version by number, <c>latest</c> or <c>-1</c>; null when there is none.</summary>
    private async Task<SubjectVersion?> FindSubjectVersionAsync(Subject subject, string version, bool includeDeleted, CancellationToken cancellationToken)
    {
        var number = ParseVersion(version);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = number is { } n
            ? await VersionByNumber.For(db)(db, subject.Name, n, includeDeleted, cancellationToken)
            : await LatestVersion.For(db)(db, subject.Name, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var schema = (await GetSchemaAsync(row.SchemaId, cancellationToken))!;
        return new SubjectVersion(row.Subject, row.Version, row.SchemaId, schema.Text, schema.References, row.Deleted);
    }

    /// <summary>A version number, or null for the latest; anything else is 42202.</summary>
    public static int? ParseVersion(string version)
    {
        if (version is "latest" or "-1")
        {
            return null;
        }

        if (int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        throw new RegistryException(ErrorCodes.InvalidVersion, $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\".");
    }

    private async Task RequireSubjectAsync(Subject subject, bool includeDeleted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var states = await db.SubjectVersions.AsNoTracking().Where(v => v.Subject == subject.Name).Select(v => v.Deleted).Distinct().ToListAsync(cancellationToken);
        if (states.Count == 0 || (!includeDeleted && !states.Contains(false)))
        {
            throw new RegistryException(ErrorCodes.SubjectNotFound, $"Subject \"{subject}\" not found.");
        }
    }

    public async Task<IReadOnlyList<string>> SubjectsOfSchemaAsync(int id, bool includeDeleted, CancellationToken cancellationToken)
    {
        await RequireSchemaAsync(id, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subjects = await db.SubjectVersions.AsNoTracking().Where(v => v.SchemaId == id && (includeDeleted || !v.Deleted)).Select(v => v.Subject).Distinct().ToListAsync(cancellationToken);
        subjects.Sort(StringComparer.Ordinal);
        return subjects;
    }

    public async Task<IReadOnlyList<(string Subject, int Version)>> VersionsOfSchemaAsync(int id, bool includeDeleted, CancellationToken cancellationToken)
    {
        await RequireSchemaAsync(id, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SubjectVersions.AsNoTracking().Where(v => v.SchemaId == id && (includeDeleted || !v.Deleted))
            .OrderBy(v => v.Subject).ThenBy(v => v.Version).Select(v => new { v.Subject, v.Version }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Subject, r.Version))];
    }

    private async Task RequireSchemaAsync(int id, CancellationToken cancellationToken)
    {
        if (await GetSchemaAsync(id, cancellationToken) is null)
        {
            throw new RegistryException(ErrorCodes.SchemaNotFound, $"Schema {id} not found.");
        }
    }

    public async Task<IReadOnlyList<SubjectVersion>> ListSchemasAsync(string? prefix, bool includeDeleted, bool latestOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.SubjectVersions.AsNoTracking().Where(v => includeDeleted || !v.Deleted);
        if (!string.IsNullOrEmpty(prefix))
        {
            query = query.Where(v => v.Subject.StartsWith(prefix));
        }

        var rows = await query.OrderBy(v => v.Subject).ThenBy(v => v.Version).ToListAsync(cancellationToken);
        rows.RemoveAll(r => !HasPrefix(r.Subject, prefix));
        if (latestOnly)
        {
            rows = [.. rows.GroupBy(r => r.Subject).Select(g => g.Last())];
        }

        var result = new List<SubjectVersion>(rows.Count);
        foreach (var row in rows)
        {
            var schema = (await GetSchemaAsync(row.SchemaId, cancellationToken))!;
            result.Add(new SubjectVersion(row.Subject, row.Version, row.SchemaId, schema.Text, schema.References, row.Deleted));
        }

        return result;
    }

    public async Task<IReadOnlyList<int>> ReferencedByAsync(Subject subject, string version, CancellationToken cancellationToken)
    {
        var target = await GetVersionAsync(subject, version, includeDeleted: true, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReferrersAsync(db, subject.Name, target.Version, cancellationToken);
    }

    /// <summary>Ids of schemas, still registered under some live subject version, that reference the version.</summary>
    private static async Task<List<int>> ReferrersAsync(RegistryDbContext db, string subject, int version, CancellationToken cancellationToken) =>
        await (from reference in db.SchemaReferences
               where reference.Subject == subject && reference.Version == version
                     && db.SubjectVersions.Any(v => v.SchemaId == reference.SchemaId && !v.Deleted)
               orderby reference.SchemaId
               select reference.SchemaId).Distinct().ToListAsync(cancellationToken);

    // ---- deletes -----------------------------------------------------------------------------------

    public async Task<IReadOnlyList<int>> DeleteSubjectAsync(Subject subject, bool permanent, CancellationToken cancellationToken)
    {
        await RequireWritableAsync(subject, cancellationToken);
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SubjectLock.AcquireAsync(db, subject.Name, cancellationToken);
        var rows = await db.SubjectVersions.Where(v => v.Subject == subject.Name).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            throw new RegistryException(ErrorCodes.SubjectNotFound, $"Subject \"{subject}\" not found.");
        }

        var live = rows.Where(r => !r.Deleted).ToList();
        if (permanent && live.Count > 0)
        {
            throw new RegistryException(ErrorCodes.SubjectNotSoftDeleted, $"Subject \"{subject}\" was not deleted first; delete it without permanent=true, then permanently.");
        }

        if (!permanent && live.Count == 0)
        {
            throw new RegistryException(ErrorCodes.SubjectSoftDeleted, $"Subject \"{subject}\" was already soft deleted; add permanent=true to delete it for good.");
        }

        var affected = permanent ? rows : live;
        foreach (var row in affected)
        {
            await RequireUnreferencedAsync(db, subject, row.Version, cancellationToken);
        }

        foreach (var row in affected)
        {
            if (permanent)
            {
                db.SubjectVersions.Remove(row);
            }
            else
            {
                row.Deleted = true;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. affected.Select(r => r.Version)];
    }

    public async Task<int> DeleteVersionAsync(Subject subject, string version, bool permanent, CancellationToken cancellationToken)
    {
        var number = ParseVersion(version);
        await RequireWritableAsync(subject, cancellationToken);
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SubjectLock.AcquireAsync(db, subject.Name, cancellationToken);
        if (!await db.SubjectVersions.AnyAsync(v => v.Subject == subject.Name, cancellationToken))
        {
            throw new RegistryException(ErrorCodes.SubjectNotFound, $"Subject \"{subject}\" not found.");
        }

        var row = number is { } n
            ? await db.SubjectVersions.FirstOrDefaultAsync(v => v.Subject == subject.Name && v.Version == n, cancellationToken)
            : await db.SubjectVersions.Where(v => v.Subject == subject.Name && (permanent ? v.Deleted : !v.Deleted)).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            throw new RegistryException(ErrorCodes.VersionNotFound, $"Version {version} of subject \"{subject}\" not found.");
        }

        if (permanent && !row.Deleted)
        {
            throw new RegistryException(ErrorCodes.VersionNotSoftDeleted, $"Version {row.Version} of subject \"{subject}\" was not deleted first; delete it without permanent=true, then permanently.");
        }

        if (!permanent && row.Deleted)
        {
            throw new RegistryException(ErrorCodes.VersionSoftDeleted, $"Version {row.Version} of subject \"{subject}\" was already soft deleted; add permanent=true to delete it for good.");
        }

        await RequireUnreferencedAsync(db, subject, row.Version, cancellationToken);
        if (permanent)
        {
            db.SubjectVersions.Remove(row);
        }
        else
        {
            row.Deleted = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row.Version;
    }

    private static async Task RequireUnreferencedAsync(RegistryDbContext db, Subject subject, int version, CancellationToken cancellationToken)
    {
        var referrers = await ReferrersAsync(db, subject.Name, version, cancellationToken);
        if (referrers.Count > 0)
        {
            throw new RegistryException(ErrorCodes.ReferenceExists, $"Version {version} of subject \"{subject}\" is referenced by schema(s) {string.Join(", ", referrers)}; delete those first.");
        }
    }

    private async Task RequireWritableAsync(Subject subject, CancellationToken cancellationToken)
    {
        if (await settings.ModeAsync(subject.Name, cancellationToken) == RegistryMode.ReadOnly)
        {
            throw new RegistryException(ErrorCodes.OperationNotPermitted, $"Subject \"{subject}\" is in read-only mode; deletes are not permitted.");
        }
    }

    // ---- identity ----------------------------------------------------------------------------------

    /// <summary>The identity of a schema: its stored text and, when it has any, its references.</summary>
    public static string FingerprintOf(string text, IReadOnlyList<SchemaReference> references) =>
        Fingerprint.Of(references.Count == 0 ? text : text + "\n" + ReferencesJson(references)).Hex;

    private static string ReferencesJson(IReadOnlyList<SchemaReference> references) => JsonSerializer.Serialize(references);

    private static List<SchemaReference> ParseReferences(string json) =>
        JsonSerializer.Deserialize<List<SchemaReference>>(json) ?? [];
}
