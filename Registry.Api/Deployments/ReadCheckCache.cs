using EventContracts.Compatibility;
using EventContracts.Schemas;
using Microsoft.Extensions.Caching.Memory;

namespace EventContracts.Api.Deployments;

/// <summary>
/// canRead verdicts by (writer schema id, reader schema id, policy). A schema id always names the same schema, so a
/// verdict never goes stale, on this replica or any other; the cache is bounded by count.
/// </summary>
public sealed class ReadCheckCache : IDisposable
{
    private readonly MemoryCache _checks = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>canRead(reader, writer): the engine's BACKWARD check with the writer as the previous version and the reader as the candidate.</summary>
    public ReadCheck CanRead(int readerId, ContractSchema reader, int writerId, ContractSchema writer, CompatibilityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        var key = new Key(writerId, readerId, policy);
        if (_checks.TryGetValue(key, out ReadCheck? known))
        {
            return known!;
        }

        var check = Check(reader, writer, policy);
        _checks.Set(key, check, new MemoryCacheEntryOptions { Size = 1 });
        return check;
    }

    private static ReadCheck Check(ContractSchema reader, ContractSchema writer, CompatibilityPolicy policy)
    {
        try
        {
            // CompatibilityChecker.Check(reader, [writer], Backward, policy) is this comparison judged under the policy;
            // Compare gives the differences without the "new schema reading version N" framing of a registration.
            var differences = CompatibilityChecker.Compare(writer, reader, policy);
            return new ReadCheck(differences.All(d => d.Type.IsCompatible(policy)), policy, differences);
        }
        catch (SchemaException e)
        {
            return new ReadCheck(false, policy, [], e.Message);
        }
    }

    public void Dispose() => _checks.Dispose();

    private readonly record struct Key(int WriterId, int ReaderId, CompatibilityPolicy Policy);
}
