using Microsoft.CodeAnalysis;

namespace EventContracts.SourceGen;

/// <summary>An id the parser can name without touching Roslyn types.</summary>
internal sealed record DiagnosticDescriptorInfo(string Id);

/// <summary>The ECG diagnostics. Each is reported in the contract file, at the line and column of the offending value.</summary>
internal static class Diagnostics
{
    private const string Category = "EventContracts.SourceGen";

    public static readonly DiagnosticDescriptorInfo InvalidJson = new("ECG001");
    public static readonly DiagnosticDescriptorInfo InvalidFileName = new("ECG002");
    public static readonly DiagnosticDescriptorInfo NameCollision = new("ECG003");
    public static readonly DiagnosticDescriptorInfo Unsupported = new("ECG004");
    public static readonly DiagnosticDescriptorInfo MappedToJsonElement = new("ECG005");
    public static readonly DiagnosticDescriptorInfo NotKept = new("ECG006");

    public static readonly DiagnosticDescriptor ECG001 = new(
        "ECG001", "Contract is not valid JSON", "Contract is not valid JSON: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ECG002 = new(
        "ECG002", "Contract file name does not follow <event-type>.v<N>.json", "Contract file name: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ECG003 = new(
        "ECG003", "Two names collide in the generated code", "Name collision: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ECG004 = new(
        "ECG004", "Schema construct not supported by the generator", "Unsupported: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ECG005 = new(
        "ECG005", "Schema construct mapped to JsonElement", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ECG006 = new(
        "ECG006", "Schema values not kept by the generated type", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static DiagnosticDescriptor Descriptor(string id) => id switch
    {
        "ECG001" => ECG001,
        "ECG002" => ECG002,
        "ECG003" => ECG003,
        "ECG004" => ECG004,
        "ECG006" => ECG006,
        _ => ECG005,
    };
}
