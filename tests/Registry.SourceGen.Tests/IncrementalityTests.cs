using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EventContracts.SourceGen.Tests;

public class IncrementalityTests
{
    [Fact]
    public void Editing_one_contract_leaves_the_other_files_cached()
    {
        var files = GeneratorHarness.RealContracts();
        var driver = GeneratorHarness.Driver(files).RunGenerators(GeneratorHarness.EmptyCompilation());

        var edited = files[0];
        var text = edited.GetText()!.ToString().Replace("\"title\": \"", "\"title\": \"Edited ", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(edited, new InMemoryText(edited.Path, text)).RunGenerators(GeneratorHarness.EmptyCompilation());

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var parse = steps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(files.Count, parse.Count);
        Assert.Single(parse, r => r == IncrementalStepRunReason.Modified);
        Assert.Equal(files.Count - 1, parse.Count(r => r == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void Rerunning_without_changes_caches_every_step()
    {
        var files = GeneratorHarness.RealContracts();
        var driver = GeneratorHarness.Driver(files).RunGenerators(GeneratorHarness.EmptyCompilation());
        driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation());

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { TrackingNames.Files, TrackingNames.Parse, TrackingNames.TypeNames })
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + o.Reason));
        }
    }

    [Fact]
    public void Output_is_byte_identical_under_tr_TR_and_the_invariant_culture()
    {
        var invariant = RunUnder(CultureInfo.InvariantCulture);
        var turkish = RunUnder(CultureInfo.GetCultureInfo("tr-TR"));

        Assert.Equal(invariant.Count, turkish.Count);
        Assert.Equal(invariant, turkish);
    }

    private static List<(string Hint, string Text)> RunUnder(CultureInfo culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var schema = """{ "type": "object", "title": "İı Iı", "properties": { "ident": { "type": "integer" }, "items": { "type": "string", "enum": ["i", "I", "ı"] } } }""";
            var files = GeneratorHarness.RealContracts().Append(new InMemoryText("/c/index/index.item.listed.v10.json", schema));
            var (result, _, _) = GeneratorHarness.Run(files);
            return result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
