namespace EventContracts.Api.Storage;

/// <summary>Where the registry keeps its data (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file; the default, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL, shared by any number of replicas.</summary>
    Postgres,
}

public static class StorageProviders
{
    /// <summary>Reads <c>Storage:Provider</c>: empty is SQLite; anything but the known names stops the start with what to write.</summary>
    public static StorageProvider Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => StorageProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => StorageProvider.Postgres,
        _ => throw new InvalidOperationException($"Storage:Provider \"{text}\" is not known: use Sqlite (the default) or Postgres."),
    };
}
