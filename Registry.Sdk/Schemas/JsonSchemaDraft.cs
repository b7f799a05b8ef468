namespace EventContracts.Schemas;

/// <summary>The JSON Schema dialects the engine reads, chosen by the root <c>$schema</c>.</summary>
public enum JsonSchemaDraft
{
    /// <summary>draft-04: <c>id</c>, boolean <c>exclusiveMaximum</c>/<c>exclusiveMinimum</c>.</summary>
    Draft4,

    /// <summary>draft-06: <c>$id</c>, numeric exclusive bounds, <c>const</c>, boolean schemas.</summary>
    Draft6,

    /// <summary>draft-07, the default when <c>$schema</c> is absent (as in Confluent Schema Registry).</summary>
    Draft7,

    /// <summary>2019-09: <c>$defs</c>, <c>$anchor</c>, <c>dependentRequired</c>, <c>unevaluated*</c>, <c>$ref</c> with siblings.</summary>
    Draft201909,

    /// <summary>2020-12: <c>prefixItems</c>, and <c>items</c> meaning the items after them.</summary>
    Draft202012,
}
