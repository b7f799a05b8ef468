namespace EventContracts.Schemas.Model;

internal sealed class SchemaDocument
{
    public static SchemaDocument Build(ContractSchema schema, IReadOnlyDictionary<string, ContractSchema>? references) => new();
}
