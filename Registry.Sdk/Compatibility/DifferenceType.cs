namespace EventContracts.Compatibility;

/// <summary>
/// The kinds of difference between two JSON Schemas, with Confluent Schema Registry's names (see
/// <see cref="DifferenceTypes.ToWireName"/>) so tools that match on Confluent's output match on ours.
/// Each is compatible or not, depending on the <see cref="CompatibilityPolicy"/>.
/// </summary>
public enum DifferenceType
{
    /// <summary><c>ADDITIONAL_ITEMS_ADDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    AdditionalItemsAdded,

    /// <summary><c>ADDITIONAL_ITEMS_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    AdditionalItemsExtended,

    /// <summary><c>ADDITIONAL_PROPERTIES_ADDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    AdditionalPropertiesAdded,

    /// <summary><c>ADDITIONAL_PROPERTIES_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    AdditionalPropertiesExtended,

    /// <summary><c>COMBINED_TYPE_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    CombinedTypeExtended,

    /// <summary><c>DEFAULT_CHANGED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    DefaultChanged,

    /// <summary><c>DEPENDENCY_ARRAY_NARROWED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    DependencyArrayNarrowed,

    /// <summary><c>DEPENDENCY_ARRAY_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    DependencyArrayRemoved,

    /// <summary><c>DEPENDENCY_SCHEMA_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    DependencySchemaRemoved,

    /// <summary><c>DESCRIPTION_CHANGED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    DescriptionChanged,

    /// <summary><c>ENUM_ARRAY_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    EnumArrayExtended,

    /// <summary><c>EXCLUSIVE_MAXIMUM_INCREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ExclusiveMaximumIncreased,

    /// <summary><c>EXCLUSIVE_MAXIMUM_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ExclusiveMaximumRemoved,

    /// <summary><c>EXCLUSIVE_MINIMUM_DECREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ExclusiveMinimumDecreased,

    /// <summary><c>EXCLUSIVE_MINIMUM_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ExclusiveMinimumRemoved,

    /// <summary><c>ID_CHANGED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    IdChanged,

    /// <summary><c>ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ItemAddedIsCoveredByPartiallyOpenContentModel,

    /// <summary><c>ITEM_ADDED_TO_CLOSED_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ItemAddedToClosedContentModel,

    /// <summary><c>ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ItemRemovedFromOpenContentModel,

    /// <summary><c>ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ItemRemovedIsCoveredByPartiallyOpenContentModel,

    /// <summary><c>ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ItemWithEmptySchemaAddedToOpenContentModel,

    /// <summary><c>ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ItemWithFalseRemovedFromClosedContentModel,

    /// <summary><c>MAXIMUM_INCREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaximumIncreased,

    /// <summary><c>MAXIMUM_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaximumRemoved,

    /// <summary><c>MAX_CONTAINS_INCREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxContainsIncreased,

    /// <summary><c>MAX_CONTAINS_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxContainsRemoved,

    /// <summary><c>MAX_ITEMS_INCREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxItemsIncreased,

    /// <summary><c>MAX_ITEMS_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxItemsRemoved,

    /// <summary><c>MAX_LENGTH_INCREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxLengthIncreased,

    /// <summary><c>MAX_LENGTH_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxLengthRemoved,

    /// <summary><c>MAX_PROPERTIES_INCREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxPropertiesIncreased,

    /// <summary><c>MAX_PROPERTIES_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MaxPropertiesRemoved,

    /// <summary><c>MINIMUM_DECREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinimumDecreased,

    /// <summary><c>MINIMUM_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinimumRemoved,

    /// <summary><c>MIN_CONTAINS_DECREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinContainsDecreased,

    /// <summary><c>MIN_CONTAINS_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinContainsRemoved,

    /// <summary><c>MIN_ITEMS_DECREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinItemsDecreased,

    /// <summary><c>MIN_ITEMS_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinItemsRemoved,

    /// <summary><c>MIN_LENGTH_DECREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinLengthDecreased,

    /// <summary><c>MIN_LENGTH_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinLengthRemoved,

    /// <summary><c>MIN_PROPERTIES_DECREASED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinPropertiesDecreased,

    /// <summary><c>MIN_PROPERTIES_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MinPropertiesRemoved,

    /// <summary><c>MULTIPLE_OF_REDUCED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MultipleOfReduced,

    /// <summary><c>MULTIPLE_OF_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    MultipleOfRemoved,

    /// <summary><c>NOT_TYPE_NARROWED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    NotTypeNarrowed,

    /// <summary><c>OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    OptionalPropertyAddedToUnopenContentModel,

    /// <summary><c>PATTERN_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    PatternRemoved,

    /// <summary><c>PRODUCT_TYPE_NARROWED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    ProductTypeNarrowed,

    /// <summary><c>PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    PropertyAddedIsCoveredByPartiallyOpenContentModel,

    /// <summary><c>PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    PropertyRemovedFromOpenContentModel,

    /// <summary><c>PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    PropertyRemovedIsCoveredByPartiallyOpenContentModel,

    /// <summary><c>PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    PropertyWithEmptySchemaAddedToOpenContentModel,

    /// <summary><c>PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    PropertyWithFalseRemovedFromClosedContentModel,

    /// <summary><c>REQUIRED_ATTRIBUTE_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    RequiredAttributeRemoved,

    /// <summary><c>REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    RequiredAttributeWithDefaultAdded,

    /// <summary><c>REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL</c>: compatible under STRICT, compatible under LENIENT.</summary>
    RequiredPropertyWithDefaultAddedToUnopenContentModel,

    /// <summary><c>SCHEMA_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    SchemaRemoved,

    /// <summary><c>SUM_TYPE_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    SumTypeExtended,

    /// <summary><c>TITLE_CHANGED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    TitleChanged,

    /// <summary><c>TYPE_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    TypeExtended,

    /// <summary><c>UNEVALUATED_ITEMS_ADDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    UnevaluatedItemsAdded,

    /// <summary><c>UNEVALUATED_ITEMS_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    UnevaluatedItemsExtended,

    /// <summary><c>UNEVALUATED_PROPERTIES_ADDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    UnevaluatedPropertiesAdded,

    /// <summary><c>UNEVALUATED_PROPERTIES_EXTENDED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    UnevaluatedPropertiesExtended,

    /// <summary><c>UNIQUE_ITEMS_REMOVED</c>: compatible under STRICT, compatible under LENIENT.</summary>
    UniqueItemsRemoved,

    /// <summary><c>ADDITIONAL_PROPERTIES_NARROWED</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    AdditionalPropertiesNarrowed,

    /// <summary><c>ADDITIONAL_PROPERTIES_REMOVED</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    AdditionalPropertiesRemoved,

    /// <summary><c>OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    OptionalPropertyAddedToOpenContentModel,

    /// <summary><c>PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    PropertyAddedNotCoveredByPartiallyOpenContentModel,

    /// <summary><c>PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    PropertyRemovedFromClosedContentModel,

    /// <summary><c>PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    PropertyRemovedNotCoveredByPartiallyOpenContentModel,

    /// <summary><c>REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    RequiredPropertyWithDefaultAddedToOpenContentModel,

    /// <summary><c>UNEVALUATED_PROPERTIES_NARROWED</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    UnevaluatedPropertiesNarrowed,

    /// <summary><c>UNEVALUATED_PROPERTIES_REMOVED</c>: incompatible under STRICT, compatible under LENIENT.</summary>
    UnevaluatedPropertiesRemoved,

    /// <summary><c>ADDITIONAL_ITEMS_NARROWED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    AdditionalItemsNarrowed,

    /// <summary><c>ADDITIONAL_ITEMS_REMOVED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    AdditionalItemsRemoved,

    /// <summary><c>COMBINED_TYPE_CHANGED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    CombinedTypeChanged,

    /// <summary><c>COMBINED_TYPE_SUBSCHEMAS_CHANGED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    CombinedTypeSubschemasChanged,

    /// <summary><c>DEPENDENCY_ARRAY_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    DependencyArrayAdded,

    /// <summary><c>DEPENDENCY_ARRAY_CHANGED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    DependencyArrayChanged,

    /// <summary><c>DEPENDENCY_ARRAY_EXTENDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    DependencyArrayExtended,

    /// <summary><c>DEPENDENCY_SCHEMA_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    DependencySchemaAdded,

    /// <summary><c>ENUM_ARRAY_CHANGED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    EnumArrayChanged,

    /// <summary><c>ENUM_ARRAY_NARROWED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    EnumArrayNarrowed,

    /// <summary><c>EXCLUSIVE_MAXIMUM_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ExclusiveMaximumAdded,

    /// <summary><c>EXCLUSIVE_MAXIMUM_DECREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ExclusiveMaximumDecreased,

    /// <summary><c>EXCLUSIVE_MINIMUM_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ExclusiveMinimumAdded,

    /// <summary><c>EXCLUSIVE_MINIMUM_INCREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ExclusiveMinimumIncreased,

    /// <summary><c>ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ItemAddedNotCoveredByPartiallyOpenContentModel,

    /// <summary><c>ITEM_ADDED_TO_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ItemAddedToOpenContentModel,

    /// <summary><c>ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ItemRemovedFromClosedContentModel,

    /// <summary><c>ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ItemRemovedNotCoveredByPartiallyOpenContentModel,

    /// <summary><c>MAXIMUM_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaximumAdded,

    /// <summary><c>MAXIMUM_DECREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaximumDecreased,

    /// <summary><c>MAX_CONTAINS_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxContainsAdded,

    /// <summary><c>MAX_CONTAINS_DECREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxContainsDecreased,

    /// <summary><c>MAX_ITEMS_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxItemsAdded,

    /// <summary><c>MAX_ITEMS_DECREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxItemsDecreased,

    /// <summary><c>MAX_LENGTH_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxLengthAdded,

    /// <summary><c>MAX_LENGTH_DECREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxLengthDecreased,

    /// <summary><c>MAX_PROPERTIES_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxPropertiesAdded,

    /// <summary><c>MAX_PROPERTIES_DECREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MaxPropertiesDecreased,

    /// <summary><c>MINIMUM_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinimumAdded,

    /// <summary><c>MINIMUM_INCREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinimumIncreased,

    /// <summary><c>MIN_CONTAINS_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinContainsAdded,

    /// <summary><c>MIN_CONTAINS_INCREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinContainsIncreased,

    /// <summary><c>MIN_ITEMS_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinItemsAdded,

    /// <summary><c>MIN_ITEMS_INCREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinItemsIncreased,

    /// <summary><c>MIN_LENGTH_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinLengthAdded,

    /// <summary><c>MIN_LENGTH_INCREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinLengthIncreased,

    /// <summary><c>MIN_PROPERTIES_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinPropertiesAdded,

    /// <summary><c>MIN_PROPERTIES_INCREASED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MinPropertiesIncreased,

    /// <summary><c>MULTIPLE_OF_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MultipleOfAdded,

    /// <summary><c>MULTIPLE_OF_CHANGED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MultipleOfChanged,

    /// <summary><c>MULTIPLE_OF_EXPANDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    MultipleOfExpanded,

    /// <summary><c>NOT_TYPE_EXTENDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    NotTypeExtended,

    /// <summary><c>PATTERN_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    PatternAdded,

    /// <summary><c>PATTERN_CHANGED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    PatternChanged,

    /// <summary><c>PRODUCT_TYPE_EXTENDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ProductTypeExtended,

    /// <summary><c>PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    PropertyAddedToOpenContentModel,

    /// <summary><c>REQUIRED_ATTRIBUTE_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    RequiredAttributeAdded,

    /// <summary><c>REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    RequiredPropertyAddedToOpenContentModel,

    /// <summary><c>REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    RequiredPropertyAddedToUnopenContentModel,

    /// <summary><c>RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ReservedPropertyConflictsWithProperty,

    /// <summary><c>RESERVED_PROPERTY_REMOVED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    ReservedPropertyRemoved,

    /// <summary><c>SCHEMA_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    SchemaAdded,

    /// <summary><c>SUM_TYPE_NARROWED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    SumTypeNarrowed,

    /// <summary><c>TYPE_CHANGED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    TypeChanged,

    /// <summary><c>TYPE_NARROWED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    TypeNarrowed,

    /// <summary><c>UNEVALUATED_ITEMS_NARROWED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    UnevaluatedItemsNarrowed,

    /// <summary><c>UNEVALUATED_ITEMS_REMOVED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    UnevaluatedItemsRemoved,

    /// <summary><c>UNIQUE_ITEMS_ADDED</c>: incompatible under STRICT, incompatible under LENIENT.</summary>
    UniqueItemsAdded,
}
