using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EventContracts.SourceGen;

/// <summary>
/// Turns each <c>AdditionalFiles</c> item named <c>&lt;event-type&gt;.v&lt;N&gt;.json</c> into a typed event record
/// (DESIGN §11). Pipeline: file text → <see cref="ContractParser"/> (equatable <see cref="ParseResult"/>) →
/// <see cref="ContractEmitter"/>; every step carries a tracking name from <see cref="TrackingNames"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractGenerator : IIncrementalGenerator
{
    /// <summary>The MSBuild property that replaces the root namespace <c>EventContracts.Contracts</c>; the domain is appended.</summary>
    public const string RootNamespaceProperty = "build_property.EventContractsRootNamespace";

    /// <summary>The item metadata the package's .props sets on contract files (made visible with <c>CompilerVisibleItemMetadata</c>).</summary>
    public const string ContractMetadata = "build_metadata.AdditionalFiles.EventContractsContract";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue(RootNamespaceProperty, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null)
            .WithTrackingName(TrackingNames.RootNamespace);

        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) =>
            {
                var (file, options) = pair;
                options.GetOptions(file).TryGetValue(ContractMetadata, out var marked);
                return IsContract(file.Path, marked) ? new ContractFile(file.Path, file.GetText(cancellationToken)?.ToString()) : null;
            })
            .Where(file => file is not null)
            .Select((file, _) => file!)
            .WithTrackingName(TrackingNames.Files);

        var parsed = files
            .Combine(rootNamespace)
            .Select((pair, _) => ContractParser.Parse(pair.Left.Path, pair.Left.Text, pair.Right))
            .WithTrackingName(TrackingNames.Parse);

        context.RegisterSourceOutput(parsed, static (spc, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                spc.ReportDiagnostic(ToDiagnostic(diagnostic));
            }

            if (result.Contract is { } contract)
            {
                spc.AddSource(contract.HintName, SourceText.From(ContractEmitter.Emit(contract), Encoding.UTF8));
            }
        });

        var typeNames = parsed
            .Select((result, _) => result.Contract is { } c ? new TypeNameEntry(c.Namespace, c.Root.Name, c.FilePath, NestedTypes(c)) : null)
            .Where(entry => entry is not null)
            .Select((entry, _) => entry!)
            .Collect()
            .WithTrackingName(TrackingNames.TypeNames);

        context.RegisterSourceOutput(typeNames, static (spc, entries) => ReportCollisions(spc, entries));

        var resolver = typeNames
            .Combine(rootNamespace)
            .Select((pair, _) => ResolverEmitter.Emit(pair.Left, pair.Right ?? ContractParser.DefaultRootNamespace))
            .WithTrackingName(TrackingNames.Resolver);

        context.RegisterSourceOutput(resolver, static (spc, source) =>
        {
            if (source is not null)
            {
                spc.AddSource(ResolverEmitter.HintName, SourceText.From(source, Encoding.UTF8));
            }
        });
    }

    /// <summary>
    /// Which additional files are contracts: those the package's .props marks with
    /// <c>EventContractsContract="true"</c> (a wrong name is then ECG002), none marked <c>false</c>, and, for
    /// files without the metadata, those named like <c>*.v&lt;N&gt;.json</c>, so an unrelated JSON file
    /// (appsettings.json) passed as an additional file is left alone.
    /// </summary>
    private static bool IsContract(string path, string? marked)
    {
        if (marked is not null && marked.Length > 0)
        {
            return string.Equals(marked.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var stem = path.Substring(0, path.Length - ".json".Length);
        var dot = stem.LastIndexOf('.');
        if (dot < 0 || dot + 2 >= stem.Length || (stem[dot + 1] != 'v' && stem[dot + 1] != 'V'))
        {
            return false;
        }

        for (var i = dot + 2; i < stem.Length; i++)
        {
            if (stem[i] < '0' || stem[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static EquatableArray<string> NestedTypes(ContractModel contract)
    {
        var names = new List<string>();
        foreach (var r in contract.Records)
        {
            names.Add(r.Name);
        }

        foreach (var u in contract.Unions)
        {
            names.Add(u.Name);
        }

        foreach (var e in contract.Enums)
        {
            names.Add(e.Name);
        }

        return names.ToEquatableArray();
    }

    private static void ReportCollisions(SourceProductionContext spc, ImmutableArray<TypeNameEntry> entries)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byName.TryGetValue(entry.FullName, out var paths))
            {
                byName[entry.FullName] = paths = new List<string>();
            }

            paths.Add(entry.FilePath);
        }

        foreach (var pair in byName)
        {
            if (pair.Value.Count < 2)
            {
                continue;
            }

            pair.Value.Sort(StringComparer.Ordinal);
            foreach (var path in pair.Value)
            {
                var others = string.Join(", ", pair.Value.FindAll(p => !string.Equals(p, path, StringComparison.Ordinal)));
                spc.ReportDiagnostic(ToDiagnostic(new DiagnosticInfo(
                    "ECG003",
                    "this file and " + others + " both produce the type " + pair.Key + "; keep one file per event type and version",
                    path,
                    0,
                    0)));
            }
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var position = new LinePosition(info.Line, info.Column);
        var location = Location.Create(info.FilePath, new TextSpan(info.Offset, 0), new LinePositionSpan(position, position));
        return Diagnostic.Create(Diagnostics.Descriptor(info.Id), location, info.Message);
    }

    private sealed record ContractFile(string Path, string? Text);
}

/// <summary>The names of the pipeline steps, for tests that check what was <c>Cached</c>.</summary>
public static class TrackingNames
{
    /// <summary>The root namespace read from the MSBuild property.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>The text of each JSON additional file.</summary>
    public const string Files = nameof(Files);

    /// <summary>The parsed, equatable model of each file.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>All type names, collected to find collisions.</summary>
    public const string TypeNames = nameof(TypeNames);

    /// <summary>The source of the resolver that lists every generated type.</summary>
    public const string Resolver = nameof(Resolver);
}
