using System.Globalization;
using EventContracts.Cli.Input;
using EventContracts.Client;
using EventContracts.Linting;
using EventContracts.Schemas;

namespace EventContracts.Cli.Registry;

/// <summary>
/// Schema-as-code against the registry, one event type at a time: which files are registered already (and match),
/// which are new, and whether the new ones would pass (dry run, check) or are accepted (register).
/// </summary>
/// <remarks>
/// A file <c>v&lt;N&gt;</c> is version N of its subject. Versions up to the registry's highest must match what the
/// registry holds; versions above it are registered in order, each one the registry's next version. Compatibility is
/// the registry's to judge (its level and policy, through <c>POST /v1/compatibility</c>); lint for a dry run or check is
/// the local engine with the default rules, as <c>evc lint</c>.
/// </remarks>
internal sealed class ContractRegistrar(RegistryClient client, Action<string> status)
{
    /// <summary>
    /// Compares every file with the registry. With <paramref name="checkNew"/>, new files are linted and checked for
    /// compatibility (<see cref="ContractStatus.WouldRegister"/> or a failure); without, they stay <see cref="ContractStatus.Pending"/>.
    /// </summary>
    public async Task<SubjectPlan> PlanAsync(ContractVersions contract, bool checkNew, CancellationToken cancellationToken)
    {
        status($"Reading {contract.EventType} from the registry");
        var (subject, versions) = await client.ResolveSubjectAsync(contract.EventType, cancellationToken);
        var highest = versions.Count == 0 ? 0 : versions.Max();
        var fetched = new Dictionary<int, SubjectVersion>();
        var outcomes = new List<ContractOutcome>(contract.Files.Count);

        foreach (var file in contract.Files)
        {
            if (file.Version <= highest)
            {
                outcomes.Add(await CompareAsync(subject, file, versions, highest, fetched, cancellationToken));
            }
            else if (versions.Count > 0 && await client.LookupAsync(subject, file.Schema.Text, cancellationToken) is { } same)
            {
                // Registering it would answer the existing version (registration is idempotent), never version N.
                outcomes.Add(new ContractOutcome(file, subject, ContractStatus.Mismatch, same.Id,
                    $"{file.Path} holds the same schema as version {same.Version} of {subject}; registering it would not create version {file.Version}. A new version must change the schema."));
            }
            else
            {
                outcomes.Add(new ContractOutcome(file, subject, ContractStatus.Pending));
            }
        }

        var plan = new SubjectPlan(contract.EventType, subject, outcomes);
        if (checkNew && outcomes.Any(o => o.Failed))
        {
            // New versions after a mismatch would be checked against a history the folder does not have.
            plan.SkipNew($"not checked: another file of {contract.EventType} disagrees with the registry.");
        }
        else if (checkNew && plan.New.Count > 0)
        {
            await CheckNewAsync(plan, fetched, cancellationToken);
        }

        return plan;
    }

    /// <summary>Registers the plan's new files in version order, stopping the subject at its first refusal.</summary>
    public Task ApplyAsync(SubjectPlan plan, CancellationToken cancellationToken) =>
        plan.SettleNewAsync($"not registered: an earlier version of {plan.EventType} was refused.", outcome =>
        {
            status($"Registering {outcome.File.Path} as {plan.Subject} v{outcome.File.Version.ToString(CultureInfo.InvariantCulture)}");
            return RegisterAsync(plan.Subject, outcome.File, cancellationToken);
        });

    private async Task<ContractOutcome> CompareAsync(string subject, ContractVersionFile file, IReadOnlyList<int> versions, int highest, Dictionary<int, SubjectVersion> fetched, CancellationToken cancellationToken)
    {
        var registered = versions.Contains(file.Version) ? await client.VersionAsync(subject, file.Version, includeDeleted: true, cancellationToken) : null;
        if (registered is null)
        {
            return new ContractOutcome(file, subject, ContractStatus.Mismatch, null,
                $"{file.Path}: version {file.Version} of {subject} no longer exists in the registry (deleted permanently), and version numbers are never reused; the registry's next version is {highest + 1}.");
        }

        fetched[file.Version] = registered;
        if (SameSchema(file.Schema, registered.Schema))
        {
            return new ContractOutcome(file, subject, ContractStatus.AlreadyRegistered, registered.Id);
        }

        return new ContractOutcome(file, subject, ContractStatus.Mismatch, registered.Id,
            $"{file.Path} differs from version {file.Version} of {subject} in the registry (schema id {registered.Id}). A registered version never changes: restore the file and put the change in a new file {file.EventType}.v{highest + 1}.json.");
    }

    /// <summary>The same schema when the canonical texts match, or match once keys are sorted (key order carries no meaning).</summary>
    private static bool SameSchema(ContractSchema file, string registered)
    {
        if (!ContractSchema.TryParse(registered, SchemaParseOptions.Default, out var schema, out _))
        {
            return false;
        }

        return schema!.Fingerprint == file.Fingerprint || schema.NormalizedFingerprint == file.NormalizedFingerprint;
    }

    private async Task CheckNewAsync(SubjectPlan plan, Dictionary<int, SubjectVersion> fetched, CancellationToken cancellationToken)
    {
        status($"Checking {plan.EventType} against the registry");
        var config = await client.ConfigAsync(plan.Subject, cancellationToken);
        var live = await client.VersionsAsync(plan.Subject, includeDeleted: false, cancellationToken) ?? [];

        // Oldest first, as the registry checks a registration: live registered versions, then the new files before it.
        var previous = new List<(int Version, string Schema)>();
        foreach (var version in live)
        {
            if (!fetched.TryGetValue(version, out var registered))
            {
                registered = await client.VersionAsync(plan.Subject, version, includeDeleted: false, cancellationToken);
            }

            if (registered is not null)
            {
                previous.Add((version, registered.Schema));
            }
        }

        await plan.SettleNewAsync($"not checked: an earlier version of {plan.EventType} would be refused.", async outcome =>
        {
            var file = outcome.File;
            var findings = ContractLinter.Lint(file.Schema, file.EventType)
                .Where(f => f.Severity != LintSeverity.Off)
                .Select(f => f.File is null ? f with { File = file.Path } : f)
                .ToList();
            var errors = findings.Where(f => f.Severity == LintSeverity.Error).ToList();

            var answer = await client.CompatibilityAsync(config.CompatibilityLevel, config.CompatibilityPolicy, [.. previous.Select(p => p.Schema)], file.Schema.Text, cancellationToken);
            var differences = answer.Differences
                .Where(d => !d.Compatible)
                .Select(d => new ContractDifference(d.Type, d.Path, d.Message, d.AgainstVersion >= 1 && d.AgainstVersion <= previous.Count ? previous[d.AgainstVersion - 1].Version : d.AgainstVersion))
                .ToList();

            ContractOutcome settled;
            if (errors.Count > 0)
            {
                settled = outcome with
                {
                    Status = ContractStatus.Refused,
                    Message = $"{file.Path} breaks {Count(errors.Count, "lint rule")}: {string.Join("; ", errors.Select(f => $"{f.RuleId} {f.Pointer}: {f.Message}"))}",
                    Findings = findings,
                    Differences = differences,
                };
            }
            else if (!answer.Compatible)
            {
                settled = outcome with
                {
                    Status = ContractStatus.Incompatible,
                    Message = $"{file.Path} is incompatible with {plan.Subject} under {answer.Level} ({config.CompatibilityPolicy ?? "STRICT"}): {string.Join("; ", differences.Select(d => $"{d.Type} at {d.Path} (against v{d.AgainstVersion.ToString(CultureInfo.InvariantCulture)}): {d.Message}"))}",
                    Findings = findings,
                    Differences = differences,
                };
            }
            else
            {
                settled = outcome with { Status = ContractStatus.WouldRegister, Findings = findings, Differences = differences };
            }

            previous.Add((file.Version, file.Schema.Text));
            return settled;
        });
    }

    private async Task<ContractOutcome> RegisterAsync(string subject, ContractVersionFile file, CancellationToken cancellationToken)
    {
        int id;
        try
        {
            id = await client.RegisterAsync(subject, file.Schema.Text, cancellationToken);
        }
        catch (RegistryRequestException e) when (e.Status == 409)
        {
            return new ContractOutcome(file, subject, ContractStatus.Incompatible, null, $"{file.Path} was refused as incompatible: {e.Message}");
        }
        catch (RegistryRequestException e) when (e.Status == 422)
        {
            return new ContractOutcome(file, subject, ContractStatus.Refused, null, $"{file.Path} was refused: {e.Message}");
        }

        // The registration answers the id only; the version it got tells whether the numbering agreed with the file name.
        var registered = await client.LookupAsync(subject, file.Schema.Text, cancellationToken);
        if (registered is not null && registered.Version != file.Version)
        {
            return new ContractOutcome(file, subject, ContractStatus.Mismatch, id,
                $"{file.Path} was registered as version {registered.Version} of {subject}, not {file.Version}: the registry's numbering is ahead of the files (a version was deleted permanently). Rename the file to {file.EventType}.v{registered.Version}.json.");
        }

        return new ContractOutcome(file, subject, ContractStatus.Registered, id);
    }

    private static string Count(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";
}

/// <summary>One event type's files against its subject, in version order; outcomes are updated as the run goes.</summary>
internal sealed record SubjectPlan(string EventType, string Subject, List<ContractOutcome> Outcomes)
{
    /// <summary>Files above the registry's highest version: to register.</summary>
    public IReadOnlyList<ContractOutcome> New => [.. Outcomes.Where(o => o.Status == ContractStatus.Pending)];

    /// <summary>
    /// Settles the new files in version order with <paramref name="settle"/>; once one fails, the later ones are
    /// skipped with <paramref name="skipped"/> (version N+1 cannot follow a version N that was refused).
    /// </summary>
    public async Task SettleNewAsync(string skipped, Func<ContractOutcome, Task<ContractOutcome>> settle)
    {
        for (var i = 0; i < Outcomes.Count; i++)
        {
            if (Outcomes[i].Status == ContractStatus.Pending)
            {
                Outcomes[i] = await settle(Outcomes[i]);
                if (Outcomes[i].Failed)
                {
                    SkipNew(skipped);
                    return;
                }
            }
        }
    }

    /// <summary>Marks every new file not settled yet as skipped, saying why.</summary>
    public void SkipNew(string why)
    {
        for (var i = 0; i < Outcomes.Count; i++)
        {
            if (Outcomes[i].Status == ContractStatus.Pending)
            {
                Outcomes[i] = Outcomes[i] with { Status = ContractStatus.Skipped, Message = why };
            }
        }
    }
}
