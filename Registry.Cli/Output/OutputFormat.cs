namespace EventContracts.Cli.Output;

/// <summary>How a command writes its result to stdout.</summary>
internal enum OutputFormat
{
    /// <summary>Readable tables and lines; colour only on a terminal.</summary>
    Text,

    /// <summary>The documented JSON shape, byte-identical across runs.</summary>
    Json,

    /// <summary>GitHub Actions workflow annotations.</summary>
    GitHub,
}
