using System.Collections.Frozen;
using System.Text;

namespace EventContracts.Compatibility;

/// <summary>Names and verdicts of <see cref="DifferenceType"/> values.</summary>
public static class DifferenceTypes
{
    private static readonly FrozenSet<DifferenceType> StrictCompatible = new[]
    {
        DifferenceType.AdditionalItemsAdded,
        DifferenceType.AdditionalItemsExtended,
        DifferenceType.AdditionalPropertiesAdded,
        DifferenceType.AdditionalPropertiesExtended,
        DifferenceType.CombinedTypeExtended,
        DifferenceType.DefaultChanged,
        DifferenceType.DependencyArrayNarrowed,
        DifferenceType.DependencyArrayRemoved,
        DifferenceType.DependencySchemaRemoved,
        DifferenceType.DescriptionChanged,
        DifferenceType.EnumArrayExtended,
        DifferenceType.ExclusiveMaximumIncreased,
        DifferenceType.ExclusiveMaximumRemoved,
        DifferenceType.ExclusiveMinimumDecreased,
        DifferenceType.ExclusiveMinimumRemoved,
        DifferenceType.IdChanged,
        DifferenceType.ItemAddedIsCoveredByPartiallyOpenContentModel,
        DifferenceType.ItemAddedToClosedContentModel,
        DifferenceType.ItemRemovedFromOpenContentModel,
        DifferenceType.ItemRemovedIsCoveredByPartiallyOpenContentModel,
        DifferenceType.ItemWithEmptySchemaAddedToOpenContentModel,
        DifferenceType.ItemWithFalseRemovedFromClosedContentModel,
        DifferenceType.MaximumIncreased,
        DifferenceType.MaximumRemoved,
        DifferenceType.MaxContainsIncreased,
        DifferenceType.MaxContainsRemoved,
        DifferenceType.MaxItemsIncreased,
        DifferenceType.MaxItemsRemoved,
        DifferenceType.MaxLengthIncreased,
        DifferenceType.MaxLengthRemoved,
        DifferenceType.MaxPropertiesIncreased,
        DifferenceType.MaxPropertiesRemoved,
        DifferenceType.MinimumDecreased,
        DifferenceType.MinimumRemoved,
        DifferenceType.MinContainsDecreased,
        DifferenceType.MinContainsRemoved,
        DifferenceType.MinItemsDecreased,
        DifferenceType.MinItemsRemoved,
        DifferenceType.MinLengthDecreased,
        DifferenceType.MinLengthRemoved,
        DifferenceType.MinPropertiesDecreased,
        DifferenceType.MinPropertiesRemoved,
        DifferenceType.MultipleOfReduced,
        DifferenceType.MultipleOfRemoved,
        DifferenceType.NotTypeNarrowed,
        DifferenceType.OptionalPropertyAddedToUnopenContentModel,
        DifferenceType.PatternRemoved,
        DifferenceType.ProductTypeNarrowed,
        DifferenceType.PropertyAddedIsCoveredByPartiallyOpenContentModel,
        DifferenceType.PropertyRemovedFromOpenContentModel,
        DifferenceType.PropertyRemovedIsCoveredByPartiallyOpenContentModel,
        DifferenceType.PropertyWithEmptySchemaAddedToOpenContentModel,
        DifferenceType.PropertyWithFalseRemovedFromClosedContentModel,
        DifferenceType.RequiredAttributeRemoved,
        DifferenceType.RequiredAttributeWithDefaultAdded,
        DifferenceType.RequiredPropertyWithDefaultAddedToUnopenContentModel,
        DifferenceType.SchemaRemoved,
        DifferenceType.SumTypeExtended,
        DifferenceType.TitleChanged,
        DifferenceType.TypeExtended,
        DifferenceType.UnevaluatedItemsAdded,
        DifferenceType.UnevaluatedItemsExtended,
        DifferenceType.UnevaluatedPropertiesAdded,
        DifferenceType.UnevaluatedPropertiesExtended,
        DifferenceType.UniqueItemsRemoved,
    }.ToFrozenSet();

    private static readonly FrozenSet<DifferenceType> LenientOnlyCompatible = new[]
    {
        DifferenceType.AdditionalPropertiesNarrowed,
        DifferenceType.AdditionalPropertiesRemoved,
        DifferenceType.OptionalPropertyAddedToOpenContentModel,
        DifferenceType.PropertyAddedNotCoveredByPartiallyOpenContentModel,
        DifferenceType.PropertyRemovedFromClosedContentModel,
        DifferenceType.PropertyRemovedNotCoveredByPartiallyOpenContentModel,
        DifferenceType.RequiredPropertyWithDefaultAddedToOpenContentModel,
        DifferenceType.UnevaluatedPropertiesNarrowed,
        DifferenceType.UnevaluatedPropertiesRemoved,
    }.ToFrozenSet();

    private static readonly string[] WireNames = Enum.GetValues<DifferenceType>().Select(ComputeWireName).ToArray();

    private static readonly FrozenDictionary<string, DifferenceType> ByWireName =
        Enum.GetValues<DifferenceType>().ToFrozenDictionary(t => WireNames[(int)t], t => t, StringComparer.Ordinal);

    /// <summary>Whether a difference of this type keeps two schemas compatible under <paramref name="policy"/>.</summary>
    public static bool IsCompatible(this DifferenceType type, CompatibilityPolicy policy) =>
        StrictCompatible.Contains(type) || (policy == CompatibilityPolicy.Lenient && LenientOnlyCompatible.Contains(type));

    /// <summary>Confluent's name for the type, e.g. <c>MAX_LENGTH_ADDED</c>.</summary>
    public static string ToWireName(this DifferenceType type) => WireNames[(int)type];

    /// <summary>Reads Confluent's name (e.g. <c>MAX_LENGTH_ADDED</c>); the older <c>PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL</c> reads as itself.</summary>
    public static bool TryParse(string? wireName, out DifferenceType type) =>
        ByWireName.TryGetValue(wireName ?? string.Empty, out type);

    private static string ComputeWireName(DifferenceType type)
    {
        var name = type.ToString();
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }
}
