using EventContracts.Api.Core;
using EventContracts.Api.Storage;
using EventContracts.Keys;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Auth;

/// <summary>
/// The API keys (DESIGN §13): created with a secret that is answered once and kept only as a hash, listed without
/// secrets, revoked (never deleted). While no key exists the registry runs open; the first key must be an admin key.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<RegistryDbContext> contexts, TimeProvider clock)
{
    private const int MaxScopes = 50;
    private const int MaxScopeLength = 255;
    private const int MaxDescriptionLength = 200;

    /// <summary>How long an open registry trusts "no key exists" before asking the database again.</summary>
    public static readonly TimeSpan OpenRecheck = TimeSpan.FromSeconds(1);

    // Keys are revoked, never deleted, so once one exists auth stays on for good. Until then the answer "no key" is
    // asked again at most once a second: a query per request would cost an open registry a connection per request
    // (and its throughput under load), while a key made through another replica turns auth on here within a second.
    // A key made through this replica turns it on at once.
    private volatile bool _enforced;
    private long _openSince;

    /// <summary>Whether any key (revoked ones included) exists, i.e. whether requests must authenticate.</summary>
    public async Task<bool> IsEnforcedAsync(CancellationToken cancellationToken)
    {
        if (_enforced)
        {
            return true;
        }

        var checkedAt = Interlocked.Read(ref _openSince);
        if (checkedAt != 0 && clock.GetElapsedTime(checkedAt) < OpenRecheck)
        {
            return false;
        }

        var now = clock.GetTimestamp();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AsNoTracking().AnyAsync(cancellationToken))
        {
            // Only ever set: a check that started before this replica created a key must not turn auth back off.
            _enforced = true;
        }

        Interlocked.Exchange(ref _openSince, now);
        return _enforced;
    }

    public async Task<CreatedApiKey> CreateAsync(ApiKeyRequest request, CancellationToken cancellationToken)
    {
        var role = request.Role ?? throw Invalid("Give the key a role: \"reader\", \"writer\" or \"admin\".");
        var scopes = CheckedScopes(role, request.Scopes);
        if (request.Description is { Length: > MaxDescriptionLength })
        {
            throw Invalid($"The description is longer than {MaxDescriptionLength} characters.");
        }

        if (role != ApiKeyRole.Admin && !await IsEnforcedAsync(cancellationToken))
        {
            // Any key turns auth on; without an admin key nobody could ever manage keys again.
            throw Invalid("No key exists yet, so the first key must be an admin key (\"role\": \"admin\"): it turns auth on, and only an admin can create the others.");
        }

        var secret = ApiKeySecret.NewSecret();
        var salt = ApiKeySecret.NewSalt();
        var record = new ApiKeyRecord
        {
            Id = ApiKeySecret.NewId(),
            Role = role.ToWireName(),
            Scopes = string.Join('\n', scopes),
            Description = request.Description,
            Salt = salt,
            Hash = ApiKeySecret.Hash(salt, secret),
            CreatedAt = clock.StoredNow(),
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.ApiKeys.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        _enforced = true;
        return new CreatedApiKey(Info(record), secret, $"{record.Id}:{secret}");
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by a DateTimeOffset column, and there are few keys.
        return [.. records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(Info)];
    }

    /// <summary>Revokes a key (again is fine); refuses the last admin key that is not revoked, which would lock everyone out.</summary>
    public async Task<ApiKeyInfo> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new RegistryException(ErrorCodes.NotFound, $"No API key has the id {id}; `GET /v1/keys` lists them.");
        if (record.RevokedAt is not null)
        {
            return Info(record);
        }

        var admin = ApiKeyRole.Admin.ToWireName();
        if (record.Role == admin && !await db.ApiKeys.AnyAsync(k => k.Id != id && k.Role == admin && k.RevokedAt == null, cancellationToken))
        {
            throw new RegistryException(ErrorCodes.Conflict, $"{id} is the last admin key that is not revoked; create another admin key first, or nobody could manage keys again.");
        }

        record.RevokedAt = clock.StoredNow();
        await db.SaveChangesAsync(cancellationToken);
        return Info(record);
    }

    /// <summary>The key with this id and secret, or why there is none (a message for the 401).</summary>
    public async Task<(ApiKeyInfo? Key, string? Refusal)> VerifyAsync(string id, string secret, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null || !ApiKeySecret.Matches(record.Salt, record.Hash, secret))
        {
            return (null, "The API key is unknown or its secret is wrong.");
        }

        return record.RevokedAt is { } revoked
            ? (null, $"The API key {id} was revoked at {revoked:u}.")
            : (Info(record), null);
    }

    private static List<string> CheckedScopes(ApiKeyRole role, IReadOnlyList<string>? scopes)
    {
        if (scopes is null || scopes.Count == 0)
        {
            return [];
        }

        if (role != ApiKeyRole.Writer)
        {
            throw Invalid("Only writer keys take scopes: readers read every subject and admins may change every subject.");
        }

        if (scopes.Count > MaxScopes)
        {
            throw Invalid($"A key takes at most {MaxScopes} scopes.");
        }

        foreach (var scope in scopes)
        {
            if (string.IsNullOrEmpty(scope) || scope.Length > MaxScopeLength || scope.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw Invalid($"The scope \"{scope}\" is not a subject prefix: give 1 to {MaxScopeLength} characters without spaces, e.g. \"order.\".");
            }
        }

        return [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static ApiKeyInfo Info(ApiKeyRecord record) => new(
        record.Id,
        FromWire(record.Role),
        record.Scopes.Length == 0 ? [] : record.Scopes.Split('\n'),
        record.Description,
        record.CreatedAt,
        record.RevokedAt);

    // Least privilege for anything unexpected in the table.
    private static ApiKeyRole FromWire(string role) => ApiKeyRoles.TryParse(role, out var parsed) ? parsed : ApiKeyRole.Reader;

    private static RegistryException Invalid(string message) => new(ErrorCodes.BadRequest, message);
}
