using EventContracts.Api.Core;
using EventContracts.Api.Storage;
using EventContracts.Compatibility;
using EventContracts.Deployments;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Deployments;

/// <summary>
/// The versions of the subjects that may hold some event types, read in one query, and the rule that picks the subject:
/// the event type itself, else its TopicNameStrategy form <c>&lt;event-type&gt;-value</c> (docs/deploy-gate.md).
/// </summary>
public sealed class SubjectIndex
{
    private const string ValueSuffix = "-value";

    private readonly Dictionary<string, Dictionary<int, (int SchemaId, bool Deleted)>> _subjects;
    private readonly IReadOnlyDictionary<string, CompatibilityPolicy> _policies;

    public SubjectIndex(IEnumerable<SubjectVersionRow> rows, IReadOnlyDictionary<string, CompatibilityPolicy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _subjects = new(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!_subjects.TryGetValue(row.Subject, out var versions))
            {
                versions = [];
                _subjects[row.Subject] = versions;
            }

            versions[row.Version] = (row.SchemaId, row.Deleted);
        }

        _policies = policies ?? new Dictionary<string, CompatibilityPolicy>();
    }

    /// <summary>
    /// Reads the versions (soft-deleted ones included: their schemas still resolve) of every subject that may hold one of
    /// <paramref name="eventTypes"/>, with each subject's compatibility policy when <paramref name="withPolicies"/>.
    /// </summary>
    public static async Task<SubjectIndex> LoadAsync(RegistryDbContext db, IEnumerable<string> eventTypes, bool withPolicies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subjects = eventTypes.SelectMany(CandidateSubjects).Distinct(StringComparer.Ordinal).ToList();
        if (subjects.Count == 0)
        {
            return new SubjectIndex([]);
        }

        var rows = await db.SubjectVersions.AsNoTracking()
            .Where(v => subjects.Contains(v.Subject))
            .Select(v => new SubjectVersionRow(v.Subject, v.Version, v.SchemaId, v.Deleted))
            .ToListAsync(cancellationToken);
        if (!withPolicies)
        {
            return new SubjectIndex(rows);
        }

        var present = rows.Select(r => r.Subject).Distinct(StringComparer.Ordinal).ToList();
        var configs = await SettingsStore.ConfigsAsync(db, present, cancellationToken);
        return new SubjectIndex(rows, configs.ToDictionary(c => c.Key, c => c.Value.Policy, StringComparer.Ordinal));
    }

    /// <summary>The subjects an event type may live under, in the order they win.</summary>
    public static IEnumerable<string> CandidateSubjects(string eventType) => [eventType, eventType + ValueSuffix];

    /// <summary>The subject that holds <paramref name="eventType"/>, or null when neither form is registered.</summary>
    public string? SubjectOf(string eventType) =>
        CandidateSubjects(eventType).FirstOrDefault(_subjects.ContainsKey);

    /// <summary>Every subject this index holds versions of.</summary>
    public IEnumerable<string> Subjects => _subjects.Keys;

    public ContractResolution Resolve(ContractReference contract)
    {
        var subject = SubjectOf(contract.EventType);
        if (subject is null)
        {
            return new ContractResolution(contract, null, null, false, CompatibilityPolicy.Strict, $"neither subject {contract.EventType} nor {contract.EventType}{ValueSuffix} is registered");
        }

        var policy = _policies.TryGetValue(subject, out var configured) ? configured : CompatibilityPolicy.Strict;
        return _subjects[subject].TryGetValue(contract.Version, out var version)
            ? new ContractResolution(contract, subject, version.SchemaId, version.Deleted, policy, null)
            : new ContractResolution(contract, subject, null, false, policy, $"subject {subject} has no version {contract.Version}");
    }
}

/// <summary>One stored version of a subject, as the gate reads it.</summary>
public readonly record struct SubjectVersionRow(string Subject, int Version, int SchemaId, bool Deleted);
