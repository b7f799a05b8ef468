using Xunit.Abstractions;

namespace EventContracts.Tests.Compatibility;

/// <summary>
/// Names one corpus case by file and description. Serializable so xunit lists every case as its own test,
/// and its <see cref="ToString"/> is the whole display name, which xunit would otherwise cut at 50 characters.
/// </summary>
public sealed class CorpusCaseKey : IXunitSerializable
{
    /// <summary>For xunit's deserializer only.</summary>
    public CorpusCaseKey()
    {
    }

    public CorpusCaseKey(string file, string description)
    {
        File = file;
        Description = description;
    }

    public string File { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        File = info.GetValue<string>(nameof(File));
        Description = info.GetValue<string>(nameof(Description));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Description), Description);
    }

    public override string ToString() => $"{File}: {Description}";
}
