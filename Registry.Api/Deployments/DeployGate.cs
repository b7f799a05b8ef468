using EventContracts.Compatibility;
using EventContracts.Deployments;

namespace EventContracts.Api.Deployments;

/// <summary>What the gate needs to decide, already read from the database.</summary>
/// <param name="Query">The question asked.</param>
/// <param name="Candidate">The release being checked; null when it was never recorded.</param>
/// <param name="ServiceKnown">Whether the service has any release, for the message when the candidate is missing.</param>
/// <param name="Deployed">The releases currently in the environment, the service's own current one included (its contracts of the event types that matter suffice).</param>
/// <param name="Resolve">Finds a contract's subject, schema id and policy.</param>
/// <param name="CanRead">canRead(reader, writer) for two resolved contracts of one event type.</param>
public sealed record GateInput(
    GateQuery Query,
    GateRelease? Candidate,
    bool ServiceKnown,
    IReadOnlyList<GateRelease> Deployed,
    Func<ContractReference, ContractResolution> Resolve,
    Func<ContractResolution, ContractResolution, ReadCheck> CanRead);

/// <summary>
/// The deploy gate's rules (docs/deploy-gate.md, DESIGN §9), as pure logic over <see cref="GateInput"/>: the environment
/// with the service's current version replaced by the candidate, every real (reader, writer) pair the candidate takes
/// part in, orphaned consumers, missing producers and anything unresolvable. Output is ordered deterministically.
/// </summary>
public static class DeployGate
{
    public static CanIDeployReport Evaluate(GateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = input.Query;
        var findings = new List<GateFinding>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        if (input.Candidate is not { } candidate)
        {
            // Rule 5: nothing to check a release against that was never recorded.
            var message = input.ServiceKnown
                ? $"{query.Service} {query.Version} is not a recorded release; record it (POST /v1/services/{query.Service}/releases, or evc record-release) before asking."
                : $"{query.Service} is not a known service; record its release {query.Version} (POST /v1/services/{query.Service}/releases, or evc record-release) before asking.";
            findings.Add(new GateFinding(FindingKind.Unresolved, FindingVerdict.Unknown, null, query.Service, query.Version, message));
            return Report(query, [], findings, notes);
        }

        var current = input.Deployed.FirstOrDefault(r => r.Service == candidate.Service);
        var others = input.Deployed.Where(r => r.Service != candidate.Service).ToList();
        List<GateRelease> environment = [.. others, candidate];
        var pairs = new Dictionary<PairKey, GatePair>();
        var ignored = query.Ignored.ToHashSet(StringComparer.Ordinal);

        // Rule 1: every consumer of what the candidate writes must read it (the candidate itself included).
        foreach (var writer in candidate.Produces)
        {
            foreach (var consumer in environment)
            {
                foreach (var reader in consumer.Consumes.Where(c => c.EventType == writer.EventType))
                {
                    AddPair(candidate, writer, consumer, reader);
                }
            }
        }

        // Rule 2: the candidate must read what every producer of its consumed types writes.
        foreach (var reader in candidate.Consumes)
        {
            foreach (var producer in environment)
            {
                foreach (var writer in producer.Produces.Where(p => p.EventType == reader.EventType))
                {
                    AddPair(producer, writer, candidate, reader);
                }
            }
        }

        // Rule 3: a type the current version writes and the candidate no longer does, still read there, with no other writer.
        if (current is not null)
        {
            var dropped = current.Produces.Select(c => c.EventType).Except(candidate.Produces.Select(c => c.EventType), StringComparer.Ordinal).Distinct(StringComparer.Ordinal);
            foreach (var eventType in dropped)
            {
                if (others.Any(r => r.Produces.Any(p => p.EventType == eventType)))
                {
                    continue;
                }

                foreach (var consumer in others.Where(r => r.Consumes.Any(c => c.EventType == eventType)))
                {
                    var message = $"{consumer.Service} {consumer.Version} consumes {eventType}, which {current.Service} {current.Version} produces in {query.Environment} and {candidate.Service} {candidate.Version} no longer does; no other service there produces it.";
                    findings.Add(ignored.Contains(consumer.Service)
                        ? new GateFinding(FindingKind.Ignored, FindingVerdict.Warning, eventType, consumer.Service, consumer.Version, $"{message} ({consumer.Service} is ignored.)")
                        : new GateFinding(FindingKind.OrphanedConsumer, FindingVerdict.Unsafe, eventType, consumer.Service, consumer.Version, message));
                }
            }
        }

        // Rule 4: a consumed type nobody in the environment (the candidate included) produces.
        foreach (var group in candidate.Consumes.GroupBy(c => c.EventType, StringComparer.Ordinal))
        {
            if (!environment.Any(r => r.Produces.Any(p => p.EventType == group.Key)))
            {
                var message = $"{candidate.Service} {candidate.Version} consumes {string.Join(" and ", group)}, but no service in {query.Environment} produces {group.Key}.";
                findings.Add(new GateFinding(FindingKind.MissingProducer, query.RequireProducers ? FindingVerdict.Unknown : FindingVerdict.Warning, group.Key, candidate.Service, candidate.Version, message));
            }
        }

        // Rule 5: a contract of the candidate that cannot be resolved makes the verdict unknown, pairs or not.
        foreach (var contract in candidate.Produces.Concat(candidate.Consumes).Distinct())
        {
            var resolution = input.Resolve(contract);
            if (resolution.Problem is { } problem)
            {
                findings.Add(new GateFinding(FindingKind.Unresolved, FindingVerdict.Unknown, contract.EventType, candidate.Service, candidate.Version, $"{candidate.Service} {candidate.Version} declares {contract}, which cannot be resolved: {problem}."));
            }
            else
            {
                NoteDeleted(resolution);
            }
        }

        return Report(query, [.. pairs.Values], findings, notes);

        void AddPair(GateRelease producer, ContractReference writer, GateRelease consumer, ContractReference reader)
        {
            var key = new PairKey(producer.Service, producer.Version, writer, consumer.Service, consumer.Version, reader);
            if (pairs.ContainsKey(key))
            {
                // The candidate producing and consuming one type meets the same self-pair under rules 1 and 2.
                return;
            }

            NoteDeleted(input.Resolve(writer));
            NoteDeleted(input.Resolve(reader));
            var pair = Pair(input, producer, writer, consumer, reader, ignored.Contains(producer.Service) || ignored.Contains(consumer.Service));
            pairs[key] = pair;
            if (pair.Ignored && pair.Verdict != GateVerdict.Safe)
            {
                var about = ignored.Contains(consumer.Service) ? consumer : producer;
                findings.Add(new GateFinding(FindingKind.Ignored, FindingVerdict.Warning, writer.EventType, about.Service, about.Version, $"{pair.Reason} ({about.Service} is ignored.)"));
            }
        }

        void NoteDeleted(ContractResolution resolution)
        {
            if (resolution.Deleted)
            {
                notes.Add($"{resolution.Contract} is soft-deleted in subject {resolution.Subject}; its schema is still used.");
            }
        }
    }

    private static GatePair Pair(GateInput input, GateRelease producer, ContractReference writer, GateRelease consumer, ContractReference reader, bool ignored)
    {
        var writerResolution = input.Resolve(writer);
        var readerResolution = input.Resolve(reader);
        var subject = readerResolution.Subject ?? writerResolution.Subject;
        var sides = new GateReasons.PairSides(producer.Service, producer.Version, writer.Version, consumer.Service, consumer.Version, reader.Version, writer.EventType);
        if (!writerResolution.IsResolved || !readerResolution.IsResolved)
        {
            return new GatePair(producer.Service, producer.Version, consumer.Service, consumer.Version, writer.EventType, subject, writer.Version, reader.Version,
                GateVerdict.Unknown, ignored, GateReasons.Unresolved(sides, readerResolution.Problem, writerResolution.Problem), []);
        }

        var check = input.CanRead(readerResolution, writerResolution);
        var verdict = check.Failure is not null ? GateVerdict.Unknown : check.CanRead ? GateVerdict.Safe : GateVerdict.Unsafe;
        var reason = verdict switch
        {
            GateVerdict.Unknown => GateReasons.Failed(sides, check.Failure!),
            GateVerdict.Unsafe => GateReasons.Unsafe(sides, check),
            _ => null,
        };
        var differences = check.Differences.Select(d => new GateDifference(d.Type.ToWireName(), d.Path, d.Type.IsCompatible(check.Policy), d.Message)).ToList();
        return new GatePair(producer.Service, producer.Version, consumer.Service, consumer.Version, writer.EventType, subject, writer.Version, reader.Version, verdict, ignored, reason, differences);
    }

    private static CanIDeployReport Report(GateQuery query, List<GatePair> pairs, List<GateFinding> findings, SortedSet<string> notes)
    {
        pairs.Sort(ComparePairs);
        findings.Sort(CompareFindings);
        var counted = pairs.Where(p => !p.Ignored).ToList();
        var counts = new GateCounts(
            pairs.Count,
            counted.Count(p => p.Verdict == GateVerdict.Safe),
            counted.Count(p => p.Verdict == GateVerdict.Unsafe),
            counted.Count(p => p.Verdict == GateVerdict.Unknown),
            pairs.Count - counted.Count);
        var verdict = counts.Unsafe > 0 || findings.Any(f => f.Verdict == FindingVerdict.Unsafe) ? GateVerdict.Unsafe
            : counts.Unknown > 0 || findings.Any(f => f.Verdict == FindingVerdict.Unknown) ? GateVerdict.Unknown
            : GateVerdict.Safe;
        List<string> warnings = [.. findings.Where(f => f.Verdict == FindingVerdict.Warning).Select(f => f.Message), .. notes];
        return new CanIDeployReport(verdict, query.Service, query.Version, query.Environment, query.RequireProducers, query.Ignored, counts, warnings, findings, pairs);
    }

    private static int ComparePairs(GatePair x, GatePair y)
    {
        var order = string.CompareOrdinal(x.EventType, y.EventType);
        order = order != 0 ? order : string.CompareOrdinal(x.Producer, y.Producer);
        order = order != 0 ? order : string.CompareOrdinal(x.ProducerVersion, y.ProducerVersion);
        order = order != 0 ? order : x.WriterVersion.CompareTo(y.WriterVersion);
        order = order != 0 ? order : string.CompareOrdinal(x.Consumer, y.Consumer);
        order = order != 0 ? order : string.CompareOrdinal(x.ConsumerVersion, y.ConsumerVersion);
        return order != 0 ? order : x.ReaderVersion.CompareTo(y.ReaderVersion);
    }

    private static int CompareFindings(GateFinding x, GateFinding y)
    {
        var order = x.Kind.CompareTo(y.Kind);
        order = order != 0 ? order : string.CompareOrdinal(x.EventType, y.EventType);
        order = order != 0 ? order : string.CompareOrdinal(x.Service, y.Service);
        order = order != 0 ? order : string.CompareOrdinal(x.Version, y.Version);
        return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
    }

    private readonly record struct PairKey(string Producer, string ProducerVersion, ContractReference Writer, string Consumer, string ConsumerVersion, ContractReference Reader);
}
