using System.Text.Json;

namespace EventContracts.Linting;

/// <summary>One object subschema found by <see cref="SchemaWalker"/>.</summary>
/// <param name="Element">The subschema.</param>
/// <param name="Pointer">Its JSON pointer, <c>#</c> for the root.</param>
/// <param name="InPlaceParent">
/// The schema it is applied together with (through allOf/anyOf/oneOf/if/then/else/not/dependentSchemas), whose
/// properties it can name; null when it describes a value of its own (a property, an item, a definition).
/// </param>
/// <param name="InCondition">
/// Whether it sits under <c>if</c>, <c>not</c>, <c>contains</c> or <c>propertyNames</c>: there it tests data rather
/// than declares its shape, so rules about declarations leave it alone.
/// </param>
internal sealed record SchemaNode(JsonElement Element, string Pointer, SchemaNode? InPlaceParent, bool InCondition)
{
    public bool IsRoot => InPlaceParent is null && Pointer == "#";
}
