using System.Globalization;
using System.Text;
using EventContracts.Compatibility;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Compatibility;

/// <summary>
/// Runs every case of the corpus in <c>Cases/compat/*.json</c> through the engine. The corpus was written
/// independently of the engine from Confluent Schema Registry's JSON Schema verdicts, so a failure here means
/// the engine disagrees with Confluent, not that the corpus should be bent to the engine.
/// </summary>
public sealed class CompatibilityCorpusTests
{
    private const int MinimumCaseCount = 200;

    public static TheoryData<CorpusCaseKey> Cases
    {
        get
        {
            var data = new TheoryData<CorpusCaseKey>();
            foreach (var entry in CompatibilityCorpus.Entries)
            {
                data.Add(new CorpusCaseKey(entry.File, entry.Description));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gets_the_verdict_Confluent_gives(CorpusCaseKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problems = new List<string>();
        var corpusCase = CompatibilityCorpus.Read(CompatibilityCorpus.Find(key.File, key.Description), problems);
        Assert.True(corpusCase is not null, string.Join(Environment.NewLine, problems));

        var previous = corpusCase.Previous.Select(text => ContractSchema.Parse(text)).ToList();
        var candidate = ContractSchema.Parse(corpusCase.Candidate);

        var result = CompatibilityChecker.Check(candidate, previous, corpusCase.Level, corpusCase.Policy);

        var report = Describe(result);
        Assert.True(
            result.IsCompatible == corpusCase.Compatible,
            $"Expected {Verdict(corpusCase.Compatible)} under {corpusCase.Level.ToWireName()}/{corpusCase.Policy.ToWireName()}, " +
            $"got {Verdict(result.IsCompatible)}.{Environment.NewLine}{report}");
        foreach (var type in corpusCase.Types)
        {
            Assert.True(
                result.Differences.Any(d => d.Type == type),
                $"Expected a {type.ToWireName()} difference.{Environment.NewLine}{report}");
        }

        foreach (var path in corpusCase.Paths)
        {
            Assert.True(
                result.Differences.Any(d => d.Path == path),
                $"Expected a difference at {path}.{Environment.NewLine}{report}");
        }
    }

    [Fact]
    public void Corpus_holds_at_least_200_cases()
    {
        Assert.True(
            CompatibilityCorpus.Entries.Count >= MinimumCaseCount,
            $"The corpus in {CompatibilityCorpus.Folder} holds {CompatibilityCorpus.Entries.Count} cases; it must hold at least {MinimumCaseCount}.");
    }

    [Fact]
    public void Every_corpus_file_and_case_is_well_formed()
    {
        var problems = new List<string>(CompatibilityCorpus.LoadErrors);
        foreach (var entry in CompatibilityCorpus.Entries)
        {
            CompatibilityCorpus.Read(entry, problems);
        }

        problems.AddRange(
            CompatibilityCorpus.Entries
                .GroupBy(e => (e.File, e.Description))
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Key.File}: the description \"{g.Key.Description}\" is used {g.Count()} times; descriptions name the test"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_corpus_schema_parses()
    {
        var problems = new List<string>();
        foreach (var entry in CompatibilityCorpus.Entries)
        {
            var corpusCase = CompatibilityCorpus.Read(entry, []);
            if (corpusCase is null)
            {
                continue;
            }

            foreach (var (text, role) in corpusCase.Previous.Select((t, i) => (t, $"previous[{i}]")).Append((corpusCase.Candidate, "candidate")))
            {
                if (!ContractSchema.TryParse(text, null, out _, out var error))
                {
                    problems.Add($"{entry.File} \"{entry.Description}\" {role}: {error?.Message}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Verdict(bool compatible) => compatible ? "compatible" : "incompatible";

    private static string Describe(CompatibilityResult result)
    {
        if (result.Differences.Count == 0)
        {
            return "The engine reported no differences.";
        }

        var text = new StringBuilder("The engine reported:");
        foreach (var d in result.Differences)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  v{d.AgainstVersion} {d.Direction} {d.Type.ToWireName()} {d.Path} ({(d.IsCompatible ? "compatible" : "incompatible")}): {d.Message}");
        }

        return text.ToString();
    }
}
