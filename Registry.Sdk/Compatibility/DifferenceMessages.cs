using static EventContracts.Compatibility.DifferenceType;

namespace EventContracts.Compatibility;

/// <summary>
/// Plain-words messages for differences. "Writer" is the schema data was written with, "reader" the schema
/// that reads it; the check says which version plays which part.
/// </summary>
internal static class DifferenceMessages
{
    public static string For(DifferenceType type, string path, string? before, string? after)
    {
        var change = before is null && after is null ? string.Empty : $" ({before ?? "none"} → {after ?? "none"})";
        return type switch
        {
            TypeChanged => $"The type at {path} changed{change}: the reader rejects values of the writer's type.",
            TypeNarrowed => $"The type at {path} was narrowed{change}: the reader rejects some values the writer may send.",
            TypeExtended => $"The type at {path} was widened{change}: the reader accepts everything the writer sends.",
            SchemaAdded => $"A schema was added at {path}: values the writer left unconstrained may now be rejected.",
            SchemaRemoved => $"The schema at {path} was removed: the reader no longer constrains these values.",
            IdChanged => $"$id changed at {path}{change}; this does not change which data is valid.",
            TitleChanged => $"title changed at {path}{change}; this does not change which data is valid.",
            DescriptionChanged => $"description changed at {path}; this does not change which data is valid.",
            DefaultChanged => $"default changed at {path}{change}; this does not change which data is valid.",

            EnumArrayExtended => $"Allowed values at {path} grew{change}: every value the writer sends is still read.",
            EnumArrayNarrowed => $"Allowed values at {path} shrank{change}: the reader rejects values the writer may send. Keep the old values, or use a new event type.",
            EnumArrayChanged => $"Allowed values at {path} changed{change}: the reader rejects some values the writer may send.",

            MaxLengthAdded or MinLengthAdded or PatternAdded or MaximumAdded or MinimumAdded or ExclusiveMaximumAdded or ExclusiveMinimumAdded
                or MultipleOfAdded or MaxItemsAdded or MinItemsAdded or MaxPropertiesAdded or MinPropertiesAdded or MaxContainsAdded or MinContainsAdded
                or UniqueItemsAdded or DependencyArrayAdded or DependencySchemaAdded
                => $"A new constraint {Keyword(path)}{change} at {path} rejects values the writer may send. Leave it out, or introduce it in a new event type.",
            MaxLengthDecreased or MinLengthIncreased or MaximumDecreased or MinimumIncreased or ExclusiveMaximumDecreased or ExclusiveMinimumIncreased
                or MaxItemsDecreased or MinItemsIncreased or MaxPropertiesDecreased or MinPropertiesIncreased or MaxContainsDecreased or MinContainsIncreased
                or MultipleOfExpanded or MultipleOfChanged or PatternChanged or DependencyArrayExtended or DependencyArrayChanged
                => $"The constraint {Keyword(path)} at {path} was tightened{change}: the reader rejects values the writer may send.",
            MaxLengthRemoved or MinLengthRemoved or PatternRemoved or MaximumRemoved or MinimumRemoved or ExclusiveMaximumRemoved or ExclusiveMinimumRemoved
                or MultipleOfRemoved or MaxItemsRemoved or MinItemsRemoved or MaxPropertiesRemoved or MinPropertiesRemoved or MaxContainsRemoved or MinContainsRemoved
                or UniqueItemsRemoved or DependencyArrayRemoved or DependencySchemaRemoved
                => $"The constraint {Keyword(path)} at {path} was removed{change}: the reader accepts more than before.",
            MaxLengthIncreased or MinLengthDecreased or MaximumIncreased or MinimumDecreased or ExclusiveMaximumIncreased or ExclusiveMinimumDecreased
                or MaxItemsIncreased or MinItemsDecreased or MaxPropertiesIncreased or MinPropertiesDecreased or MaxContainsIncreased or MinContainsDecreased
                or MultipleOfReduced or DependencyArrayNarrowed
                => $"The constraint {Keyword(path)} at {path} was loosened{change}: the reader accepts more than before.",

            RequiredAttributeAdded => $"{Name(path)} is now required at {path}: data from a writer that left it out is rejected. Give it a default, or keep it optional.",
            RequiredAttributeWithDefaultAdded => $"{Name(path)} is now required at {path}, with a default for data that lacks it.",
            RequiredAttributeRemoved => $"{Name(path)} is no longer required at {path}: the reader accepts data without it.",

            OptionalPropertyAddedToOpenContentModel or PropertyAddedToOpenContentModel
                => $"Property {path} was added to an open object: writer data may already carry that name with another shape. Close the object (additionalProperties: false) first, or choose the policy LENIENT.",
            RequiredPropertyAddedToOpenContentModel => $"Required property {path} was added: writer data lacks it. Make it optional.",
            RequiredPropertyWithDefaultAddedToOpenContentModel => $"Required property {path} with a default was added to an open object: writer data may carry that name with another shape.",
            PropertyWithEmptySchemaAddedToOpenContentModel => $"Property {path} was added with an empty schema: it accepts whatever writer data carries under that name.",
            OptionalPropertyAddedToUnopenContentModel => $"Optional property {path} was added: the writer's closed model never sends it, so nothing breaks.",
            RequiredPropertyAddedToUnopenContentModel => $"Required property {path} was added: writer data never carries it and is rejected. Make it optional or give it a default.",
            RequiredPropertyWithDefaultAddedToUnopenContentModel => $"Required property {path} was added with a default, which fills it in for writer data.",
            PropertyAddedIsCoveredByPartiallyOpenContentModel => $"Property {path} was added and accepts everything the writer's additional/pattern properties allowed under that name.",
            PropertyAddedNotCoveredByPartiallyOpenContentModel => $"Property {path} was added but rejects values the writer's additional/pattern properties allowed under that name{Detail(before)}.",
            PropertyRemovedFromOpenContentModel => $"Property {path} was removed from an open object: the reader still accepts it as an additional property.",
            PropertyRemovedFromClosedContentModel => $"Property {path} was removed from a closed object: writer data carrying it is rejected. Keep the property (it may be deprecated in its description), or choose the policy LENIENT.",
            PropertyWithFalseRemovedFromClosedContentModel => $"Property {path}, which was forbidden (false), was removed from a closed object.",
            PropertyRemovedIsCoveredByPartiallyOpenContentModel => $"Property {path} was removed; the reader's additional/pattern properties still accept its values.",
            PropertyRemovedNotCoveredByPartiallyOpenContentModel => $"Property {path} was removed and the reader's additional/pattern properties reject its values{Detail(before)}.",

            AdditionalPropertiesAdded or UnevaluatedPropertiesAdded or AdditionalItemsAdded or UnevaluatedItemsAdded
                => $"{Keyword(path)} at {path} now allows extra members: the reader accepts more than before.",
            AdditionalPropertiesRemoved or UnevaluatedPropertiesRemoved or AdditionalItemsRemoved or UnevaluatedItemsRemoved
                => $"{Keyword(path)} at {path} is now false: writer data with extra members is rejected.",
            AdditionalPropertiesExtended or UnevaluatedPropertiesExtended or AdditionalItemsExtended or UnevaluatedItemsExtended
                => $"{Keyword(path)} at {path} was widened: the reader accepts every extra member the writer sends.",
            AdditionalPropertiesNarrowed or UnevaluatedPropertiesNarrowed or AdditionalItemsNarrowed or UnevaluatedItemsNarrowed
                => $"{Keyword(path)} at {path} was narrowed: the reader rejects extra members the writer may send{Detail(before)}.",

            ItemAddedToOpenContentModel => $"Tuple item {path} was added, but the writer allowed any value there.",
            ItemWithEmptySchemaAddedToOpenContentModel => $"Tuple item {path} was added with an empty schema: it accepts whatever the writer sent there.",
            ItemAddedToClosedContentModel => $"Tuple item {path} was added; the writer's closed tuple never sends it.",
            ItemAddedIsCoveredByPartiallyOpenContentModel => $"Tuple item {path} was added and accepts everything the writer's additional items allowed there.",
            ItemAddedNotCoveredByPartiallyOpenContentModel => $"Tuple item {path} was added but rejects values the writer's additional items allowed there{Detail(before)}.",
            ItemRemovedFromOpenContentModel => $"Tuple item {path} was removed; the reader still accepts it as an additional item.",
            ItemRemovedFromClosedContentModel => $"Tuple item {path} was removed from a closed tuple: writer data with that item is rejected.",
            ItemWithFalseRemovedFromClosedContentModel => $"Tuple item {path}, which was forbidden (false), was removed.",
            ItemRemovedIsCoveredByPartiallyOpenContentModel => $"Tuple item {path} was removed; the reader's additional items still accept it.",
            ItemRemovedNotCoveredByPartiallyOpenContentModel => $"Tuple item {path} was removed and the reader's additional items reject it{Detail(before)}.",

            CombinedTypeExtended => $"The combination at {path} was widened{change}.",
            CombinedTypeChanged => $"The combination at {path} changed{change}: data matching the old one may not match the new one.",
            CombinedTypeSubschemasChanged => $"The branches at {path} changed so that some writer branch has no reader branch that reads it.",
            ProductTypeExtended => $"allOf at {path} gained branches{change}: data must now satisfy more schemas.",
            ProductTypeNarrowed => $"allOf at {path} lost branches{change}: data has fewer schemas to satisfy.",
            SumTypeExtended => $"The alternatives at {path} grew{change}: every writer alternative is still read.",
            SumTypeNarrowed => $"The alternatives at {path} shrank{change}: data written with a removed alternative is rejected.",
            NotTypeExtended => $"not at {path} now excludes more values: some writer values are rejected.",
            NotTypeNarrowed => $"not at {path} now excludes fewer values: the reader accepts more than before.",

            ReservedPropertyConflictsWithProperty => $"Property {path} uses a reserved name.",
            ReservedPropertyRemoved => $"Reserved property {path} was removed from the reserved list.",
            _ => $"{type.ToWireName()} at {path}{change}.",
        };
    }

    private static string Keyword(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    private static string Name(string path) => $"\"{Keyword(path)}\"";

    private static string Detail(string? detail) => string.IsNullOrEmpty(detail) ? string.Empty : $" ({detail})";
}
