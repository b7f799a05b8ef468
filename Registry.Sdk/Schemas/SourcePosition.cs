namespace EventContracts.Schemas;

/// <summary>A 1-based line and column in a schema's source text.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in characters.</param>
public readonly record struct SourcePosition(int Line, int Column);
