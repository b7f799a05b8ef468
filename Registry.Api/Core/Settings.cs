using EventContracts.Compatibility;

namespace EventContracts.Api.Core;

/// <summary>The modes of DESIGN §7.1.</summary>
public enum RegistryMode
{
    ReadWrite,
    ReadOnly,
    Import,
}

/// <summary>Compatibility configuration in force for a subject (its own values, else the global ones, else the defaults).</summary>
public sealed record EffectiveConfig(CompatibilityLevel Level, CompatibilityPolicy Policy, bool Normalize);

public static class RegistryModes
{
    public static string ToWireName(this RegistryMode mode) => mode switch
    {
        RegistryMode.ReadOnly => "READONLY",
        RegistryMode.Import => "IMPORT",
        _ => "READWRITE",
    };

    public static bool TryParse(string? text, out RegistryMode mode)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "READWRITE":
                mode = RegistryMode.ReadWrite;
                return true;
            case "READONLY":
            case "READONLY_OVERRIDE":
                mode = RegistryMode.ReadOnly;
                return true;
            case "IMPORT":
                mode = RegistryMode.Import;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
