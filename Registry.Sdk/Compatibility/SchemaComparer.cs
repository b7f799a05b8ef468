using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventContracts.Schemas;
using EventContracts.Schemas.Model;
using static EventContracts.Compatibility.DifferenceType;

namespace EventContracts.Compatibility;

/// <summary>
/// Walks a writer schema (Confluent's "original") and a reader schema (its "update") side by side and
/// records every <see cref="Difference"/>, following Confluent Schema Registry's JSON Schema diff: the same
/// difference types at the same places, with the same matching of combined schemas. Where Confluent's
/// loader splits one schema object into several (a type plus <c>allOf</c>, say), the model does too.
/// </summary>
/// <remarks>
/// The walk is bounded: each (writer, reader) pair on the current path is entered once, so recursive and
/// mutually recursive <c>$ref</c>s end; the total number of steps, the nesting depth and the wall time are
/// capped by <see cref="SchemaLimits"/>, and exceeding them is a <see cref="SchemaException"/>, not a hang.
/// </remarks>
internal sealed class SchemaComparer
{
    private static readonly SchemaNode AnyValue = new(NodeKind.True, "#");

    private readonly CompatibilityPolicy _policy;
    private readonly SchemaLimits _limits;
    private readonly List<string> _path = [];
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<(SchemaNode, SchemaNode)> _onPath = new(PairComparer.Instance);
    private Dictionary<SchemaNode, SchemaNode>? _expanded;
    private long _started;
    private int _steps;
    private int _prefetched; // see Prefetch
    private int _depth;
    private bool _useDigests = true;
    private ContractSchema? _writer;
    private ContractSchema? _reader;

    /// <summary>A comparer for any number of comparisons, one after the other, under one policy and one set of limits.</summary>
    public SchemaComparer(CompatibilityPolicy policy, SchemaLimits limits)
    {
        _policy = policy;
        _limits = limits;
    }

    public static List<Finding> Compare(ContractSchema writer, ContractSchema reader, CompatibilityPolicy policy, SchemaLimits limits)
    {
        var differences = new List<Finding>();
        new SchemaComparer(policy, limits).Compare(writer, reader, differences);
        return differences;
    }

    /// <summary>
    /// Adds to <paramref name="sink"/> every difference met when <paramref name="reader"/> reads data written with
    /// <paramref name="writer"/>. The step, depth and time limits apply to each call on its own.
    /// </summary>
    /// <remarks>
    /// A transitive check compares the candidate with every earlier version through one comparer, so the walk's
    /// bookkeeping is allocated once per check rather than once per version.
    /// </remarks>
    public void Compare(ContractSchema writer, ContractSchema reader, List<Finding> sink)
    {
        if (writer.RootDigest is { } original && reader.RootDigest is { } update)
        {
            if (original.BodyHash == update.BodyHash)
            {
                // The same schema up to its root's annotations: their changes are all the walk would find.
                CompareAnnotations(original, update, sink);
                return;
            }

            // Different bodies are different texts: the fingerprints (a string each, cold in a long history) need no look.
        }
        else if (writer.Fingerprint == reader.Fingerprint && !writer.UsesReferences && !reader.UsesReferences)
        {
            return; // the same text: nothing differs
        }

        Run(writer, reader, sink, useDigests: true);
    }

    /// <summary>
    /// Reads, without comparing anything, what <see cref="Compare(ContractSchema, ContractSchema, List{Finding})"/> will
    /// read first of each of <paramref name="versions"/> when comparing it with <paramref name="other"/>: the root digest
    /// and, when the bodies differ, the root node, its object keywords, its property arrays' heads and the property blocks
    /// and entries whose digests differ from <paramref name="other"/>'s.
    /// </summary>
    /// <remarks>
    /// In a long history these are cold in the cache, and each read depends on the one before (schema, node, facet,
    /// array), so comparing version after version waits for every miss in turn. Here the reads go in stages, one short
    /// loop over all the versions per link of that chain: the reads of one stage do not depend on each other, so the
    /// processor has the misses of many versions in flight at once, and the comparisons that follow read from the cache
    /// (group prefetching). The values read only feed a checksum, so they cannot be dropped as unused. Measured in
    /// <c>tests/Registry.Benchmarks</c> (README, "Sharing, slimming and reading ahead").
    /// </remarks>
    public void Prefetch(ReadOnlySpan<ContractSchema> versions, ContractSchema other)
    {
        var touched = 0;
        Span<bool> walked = versions.Length <= 64 ? stackalloc bool[versions.Length] : new bool[versions.Length];
        for (var i = 0; i < versions.Length; i++)
        {
            // The schema itself: the root digest decides whether the comparison reads anything else.
            walked[i] = versions[i].RootDigest is not { } digest || other.RootDigest is not { } otherDigest || digest.BodyHash != otherDigest.BodyHash;
        }

        for (var i = 0; i < versions.Length; i++)
        {
            if (walked[i])
            {
                // The root node, a few hundred bytes: a field from each cache line the comparison reads.
                var root = versions[i].RootNode;
                touched += (int)root.Kind + (root.Enum is null ? 1 : 0) + root.AnnotationsDigest.GetHashCode() + (root.Object is null ? 1 : 0);
            }
        }

        for (var i = 0; i < versions.Length; i++)
        {
            if (walked[i] && versions[i].RootNode.Object is { } facet)
            {
                // Its object keywords, the same way.
                touched += (int)facet.Draft + (facet.RequiredDigest?.GetHashCode() ?? 0) + (facet.MaxProperties is null ? 1 : 0) + (facet.HasDependencies ? 1 : 0);
            }
        }

        for (var i = 0; i < versions.Length; i++)
        {
            if (walked[i] && versions[i].RootNode.Object is { } facet)
            {
                // The heads of the three property arrays.
                touched += facet.PropertyBlockDigests.Length + facet.PropertyDigests.Length + facet.Properties.Length;
            }
        }

        var otherFacet = other.RootNode.Object;
        for (var i = 0; i < versions.Length; i++)
        {
            if (walked[i] && versions[i].RootNode.Object is { } facet)
            {
                touched += PrefetchProperties(facet, otherFacet);
            }
        }

        _prefetched += touched;
    }

    /// <summary>
    /// The part of <paramref name="facet"/>'s property arrays that <see cref="CompareProperties"/> will read against
    /// <paramref name="other"/> (hot, being the candidate): every block digest, and in each block whose digest differs,
    /// the entry digests and the entries that differ.
    /// </summary>
    private static int PrefetchProperties(ObjectFacet facet, ObjectFacet? other)
    {
        var blocks = facet.PropertyBlockDigests;
        var digests = facet.PropertyDigests;
        var otherBlocks = other?.PropertyBlockDigests ?? [];
        var otherDigests = other?.PropertyDigests ?? [];
        var touched = 0;
        for (var block = 0; block < blocks.Length; block++)
        {
            if (SameDigest(blocks, otherBlocks, block))
            {
                continue;
            }

            var end = Math.Min(digests.Length, (block + 1) * ObjectFacet.PropertyBlock);
            for (var i = block * ObjectFacet.PropertyBlock; i < end; i++)
            {
                if (!SameDigest(digests, otherDigests, i))
                {
                    touched += facet.Properties[i].NameDigest.GetHashCode();
                }
            }
        }

        return touched;
    }

    /// <summary>
    /// Like <see cref="Compare(ContractSchema, ContractSchema, List{Finding})"/>, without its digest shortcuts (root
    /// annotations, fingerprint, properties equal by position, subschemas equal by <see cref="SchemaNode.TextDigest"/>,
    /// which the walk decides on their text): the walk they must agree with.
    /// </summary>
    internal void Walk(ContractSchema writer, ContractSchema reader, List<Finding> sink) => Run(writer, reader, sink, useDigests: false);

    private void Run(ContractSchema writer, ContractSchema reader, List<Finding> sink, bool useDigests)
    {
        _useDigests = useDigests;
        _writer = writer;
        _reader = reader;
        _path.Clear();
        _onPath.Clear();
        _expanded?.Clear();
        _steps = 0;
        _depth = 0;
        _started = Stopwatch.GetTimestamp();
        Compare(writer.RootNode, reader.RootNode, sink);
    }

    // ---- the walk ----------------------------------------------------------------------------------

    private void Compare(SchemaNode? original, SchemaNode? update, List<Finding> sink)
    {
        Tick();
        if (original is null && update is null)
        {
            return;
        }

        if (original is null)
        {
            Add(sink, SchemaAdded);
            return;
        }

        if (update is null)
        {
            Add(sink, SchemaRemoved);
            return;
        }

        original = Resolve(original);
        update = Resolve(update);
        if (SameText(original, update))
        {
            return;
        }

        original = ExpandTypeArray(original);
        update = ExpandTypeArray(update);

        // Only a $ref can lead a walk back to a pair it is already comparing. Two subschemas without one (a non-zero text
        // digest) are finite trees, so they need no place on the path: that spares every unchanged-shape property of a
        // long history the hashing of both nodes, whose headers are one more cold read each.
        var mayRecur = original.TextDigest == UInt128.Zero || update.TextDigest == UInt128.Zero;
        if (mayRecur && !_onPath.Add((original, update)))
        {
            // Already comparing this pair further up: a recursive schema. Assuming it compatible is what
            // makes the comparison of recursive types terminate, and it is sound (the greatest fixed point).
            return;
        }

        if (++_depth > _limits.MaxComparisonDepth)
        {
            throw TooComplex($"the schemas nest deeper than {_limits.MaxComparisonDepth} levels");
        }

        try
        {
            CompareResolved(original, update, sink);
        }
        finally
        {
            _depth--;
            if (mayRecur)
            {
                _onPath.Remove((original, update));
            }
        }
    }

    private void CompareResolved(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        if (original.Kind == NodeKind.False)
        {
            return; // the writer writes nothing, so every reader reads it
        }

        if (update.Kind == NodeKind.True)
        {
            if (original.Kind == NodeKind.True)
            {
                CompareAnnotations(original, update, sink);
            }

            return; // the reader reads anything
        }

        var originalCombined = original.Kind == NodeKind.Combined;
        var updateCombined = update.Kind == NodeKind.Combined;
        if (originalCombined && updateCombined && original.Synthetic != update.Synthetic)
        {
            // One side is a single schema object that the loader split into aspects, the other a real
            // combination: compare the split side as the aspects it stands for.
            if (original.Synthetic ? CompareFromCombined(original, update, sink) : CompareIntoCombined(original, update, sink))
            {
                return;
            }
        }
        else if (!originalCombined && updateCombined)
        {
            if (CompareIntoCombined(original, update, sink))
            {
                return;
            }
        }
        else if (originalCombined && !updateCombined)
        {
            if (CompareFromCombined(original, update, sink))
            {
                return;
            }
        }

        if (original.Kind != update.Kind || update.Kind == NodeKind.False)
        {
            Add(sink, TypeChanged, Describe(original), Describe(update));
            return;
        }

        CompareAnnotations(original, update, sink);
        switch (original.Kind)
        {
            case NodeKind.Core:
                CompareCore(original, update, sink);
                break;
            case NodeKind.Combined:
                CompareCombined(original, update, sink);
                break;
            case NodeKind.Not:
                CompareNot(original, update, sink);
                break;
            case NodeKind.Conditional:
                CompareConditional(original, update, sink);
                break;
        }
    }

    private void CompareAnnotations(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        if (_useDigests && original.AnnotationsDigest != UInt128.Zero && original.AnnotationsDigest == update.AnnotationsDigest)
        {
            return; // the same annotations as written: nothing to report, and their strings stay untouched
        }

        if (_useDigests && ReferenceEquals(original, _writer?.RootNode) && ReferenceEquals(update, _reader?.RootNode)
            && _writer.RootDigest is { } writerRoot && _reader.RootDigest is { } readerRoot)
        {
            // The roots' annotations have one digest each in the schemas' root digests: only those that differ are read.
            CompareAnnotations(writerRoot, readerRoot, sink);
            return;
        }

        var o = original.Annotations;
        var u = update.Annotations;
        if (!string.Equals(o.Id, u.Id, StringComparison.Ordinal))
        {
            Add(sink, IdChanged, o.Id, u.Id);
        }

        if (!string.Equals(o.Title, u.Title, StringComparison.Ordinal))
        {
            Add(sink, TitleChanged, o.Title, u.Title);
        }

        if (!string.Equals(o.Description, u.Description, StringComparison.Ordinal))
        {
            Add(sink, DescriptionChanged);
        }

        if (DefaultDiffers(o.Default, u.Default))
        {
            Add(sink, DefaultChanged, o.Default?.GetRawText(), u.Default?.GetRawText());
        }
    }

    /// <summary>
    /// What <see cref="CompareAnnotations(SchemaNode, SchemaNode, List{Finding})"/> reports on two roots, decided on their
    /// digests so that an annotation that did not change is never read.
    /// </summary>
    private void CompareAnnotations(in RootDigest original, in RootDigest update, List<Finding> sink)
    {
        if (original.IdHash != update.IdHash)
        {
            Add(sink, IdChanged, original.Id, update.Id);
        }

        if (original.TitleHash != update.TitleHash)
        {
            Add(sink, TitleChanged, original.Title, update.Title);
        }

        if (original.DescriptionHash != update.DescriptionHash)
        {
            Add(sink, DescriptionChanged);
        }

        if (original.DefaultHash != update.DefaultHash && DefaultDiffers(original.Default, update.Default))
        {
            Add(sink, DefaultChanged, original.Default?.GetRawText(), update.Default?.GetRawText());
        }
    }

    private static bool DefaultDiffers(JsonElement? original, JsonElement? update) =>
        original is { } before ? update is not { } after || !JsonElement.DeepEquals(before, after) : update is not null;

    // ---- combined schemas --------------------------------------------------------------------------

    /// <summary>The writer is one schema, the reader a combination of several.</summary>
    private bool CompareIntoCombined(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        if (update.Criterion == Criterion.AllOf)
        {
            // The reader accepts what every branch accepts: each branch must read the writer's data.
            foreach (var branch in update.Branches)
            {
                Compare(original, branch, sink);
            }

            return true;
        }

        foreach (var branch in update.Branches)
        {
            var sub = new List<Finding>();
            Compare(original, branch, sub);
            if (IsCompatible(sub))
            {
                sink.AddRange(sub);
                Add(sink, SumTypeExtended);
                return true;
            }
        }

        // A writer of several types ("type": ["string", "null"]) is read when each of its types is read by some branch.
        if (original.Kind == NodeKind.Core && original.Types is { } types && !IsSingleType(types))
        {
            var collected = new List<Finding>();
            foreach (var single in SingleTypes(types))
            {
                var projection = Project(original, single);
                var matched = false;
                foreach (var branch in update.Branches)
                {
                    var sub = new List<Finding>();
                    Compare(projection, branch, sub);
                    if (IsCompatible(sub))
                    {
                        collected.AddRange(sub);
                        matched = true;
                        break;
                    }
                }

                if (!matched)
                {
                    return false;
                }
            }

            sink.AddRange(collected);
            Add(sink, SumTypeExtended);
            return true;
        }

        return false;
    }

    /// <summary>The writer is a combination of several schemas, the reader one schema.</summary>
    private bool CompareFromCombined(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        if (original.Criterion == Criterion.AllOf)
        {
            // The writer's data satisfies every branch, so a reader that reads one branch reads it all.
            foreach (var branch in original.Branches)
            {
                var sub = new List<Finding>();
                Compare(branch, update, sub);
                if (IsCompatible(sub))
                {
                    sink.AddRange(sub);
                    if (!original.Synthetic && original.Branches.Count > 1)
                    {
                        Add(sink, ProductTypeNarrowed);
                    }

                    return true;
                }
            }

            var core = original.Synthetic ? original.Branches.FirstOrDefault(b => b.Kind == NodeKind.Core) : null;
            if (core is not null)
            {
                Compare(core, update, sink);
                return true;
            }

            return false;
        }

        // The writer writes any branch, so the reader must read each of them.
        var collected = new List<Finding>();
        var compatibleBranches = 0;
        foreach (var branch in original.Branches)
        {
            var sub = new List<Finding>();
            Compare(branch, update, sub);
            if (IsCompatible(sub))
            {
                compatibleBranches++;
                collected.AddRange(sub);
            }
        }

        if (compatibleBranches == original.Branches.Count)
        {
            sink.AddRange(collected);
            return true;
        }

        if (compatibleBranches > 0)
        {
            Add(sink, SumTypeNarrowed, original.Branches.Count.ToString(CultureInfo.InvariantCulture), compatibleBranches.ToString(CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }

    private void CompareCombined(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        if (original.Criterion != update.Criterion)
        {
            if (update.Criterion != Criterion.AnyOf)
            {
                Add(sink, CombinedTypeChanged, Keyword(original.Criterion), Keyword(update.Criterion));
                return;
            }

            Add(sink, CombinedTypeExtended, Keyword(original.Criterion), Keyword(update.Criterion));
        }

        var originals = original.Synthetic || original.FromTypeArray ? original.Branches : Distinct(original.Branches);
        var updates = update.Synthetic || update.FromTypeArray ? update.Branches : Distinct(update.Branches);
        var segments = !original.Synthetic && !original.FromTypeArray;
        if (originals.Count < updates.Count)
        {
            Add(sink, update.Criterion == Criterion.AllOf ? ProductTypeExtended : SumTypeExtended, Count(originals), Count(updates));
        }
        else if (originals.Count > updates.Count)
        {
            Add(sink, update.Criterion == Criterion.AllOf ? ProductTypeNarrowed : SumTypeNarrowed, Count(originals), Count(updates));
        }

        // Branches are matched regardless of order: a maximum bipartite matching over the compatible pairs.
        var compatible = new List<Finding>?[originals.Count, updates.Count];
        for (var i = 0; i < originals.Count; i++)
        {
            if (segments)
            {
                Enter($"{Keyword(original.Criterion)}/{i}");
            }

            for (var j = 0; j < updates.Count; j++)
            {
                var sub = new List<Finding>();
                Compare(originals[i], updates[j], sub);
                if (IsCompatible(sub))
                {
                    compatible[i, j] = sub;
                }
            }

            if (segments)
            {
                Exit();
            }
        }

        var match = BipartiteMatching.Maximum(originals.Count, updates.Count, (i, j) => compatible[i, j] is not null);
        if (match.Count < Math.Min(originals.Count, updates.Count))
        {
            Add(sink, CombinedTypeSubschemasChanged);
            return;
        }

        foreach (var (i, j) in match)
        {
            sink.AddRange(compatible[i, j]!);
        }
    }

    private void CompareNot(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        // not A reads not B when B's instances include A's: compare with the roles swapped.
        Enter("not");
        var sub = new List<Finding>();
        Compare(update.Inner, original.Inner, sub);
        Exit();
        if (sub.Count == 0)
        {
            return;
        }

        AddAt(sink, "not", IsCompatible(sub) ? NotTypeNarrowed : NotTypeExtended);
    }

    private void CompareConditional(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        if (!JsonElement.DeepEquals(original.If!.Element, update.If!.Element))
        {
            // Confluent's vocabulary has no type for a changed condition; treat it as the combination changing.
            Enter("if");
            Add(sink, CombinedTypeChanged);
            Exit();
            return;
        }

        CompareOptional("then", original.Then, update.Then, sink);
        CompareOptional("else", original.Else, update.Else, sink);
    }

    // ---- one schema object -------------------------------------------------------------------------

    private void CompareCore(SchemaNode original, SchemaNode update, List<Finding> sink)
    {
        // An enum without "type" is a kind of its own for Confluent: replacing it by (or with) a plain typed
        // schema is a type change even where the values would fit.
        if (IsEnumOnly(original) != IsEnumOnly(update) && (IsEnumOnly(original) ? update : original).Enum is null)
        {
            Add(sink, TypeChanged, Describe(original), Describe(update));
            return;
        }

        var originalTypes = EffectiveTypes(original);
        var updateTypes = EffectiveTypes(update);
        if (originalTypes is { } ot && updateTypes is { } ut)
        {
            var widened = Covers(ut, ot);
            var narrowed = Covers(ot, ut);
            if (widened && !narrowed)
            {
                Add(sink, TypeExtended, TypeNames(ot), TypeNames(ut));
            }
            else if (narrowed && !widened)
            {
                Add(sink, TypeNarrowed, TypeNames(ot), TypeNames(ut));
            }
            else if (!widened)
            {
                Add(sink, TypeChanged, TypeNames(ot), TypeNames(ut));
                if (!Overlap(ot, ut))
                {
                    return;
                }
            }
        }

        CompareEnum(original.Enum, update.Enum, sink);
        if (original.Types is not null && update.Types is not null && (original.Enum is null) != (update.Enum is null))
        {
            // Confluent reads "type" plus "enum" as allOf [type, enum]: dropping or adding the enum is also an allOf change.
            Add(sink, original.Enum is null ? ProductTypeExtended : ProductTypeNarrowed);
        }

        if (Applies(originalTypes, updateTypes, JsonTypes.String))
        {
            CompareString(original.String ?? EmptyString, update.String ?? EmptyString, sink);
        }

        if (Applies(originalTypes, updateTypes, JsonTypes.Number | JsonTypes.Integer))
        {
            CompareNumber(original.Number ?? EmptyNumber, update.Number ?? EmptyNumber, sink);
        }

        if (Applies(originalTypes, updateTypes, JsonTypes.Object))
        {
            CompareObject(original.Object, update.Object, sink);
        }

        if (Applies(originalTypes, updateTypes, JsonTypes.Array))
        {
            CompareArray(original.Array, update.Array, sink);
        }
    }

    private static readonly StringFacet EmptyString = new(null, null, null);
    private static readonly NumberFacet EmptyNumber = new(null, null, null, null, null);
    private static readonly ObjectFacet EmptyObject = new();
    private static readonly ArrayFacet EmptyArray = new();

    private void CompareEnum(IReadOnlyList<JsonElement>? original, IReadOnlyList<JsonElement>? update, List<Finding> sink)
    {
        if (original is null && update is null)
        {
            return;
        }

        if (original is null)
        {
            AddAt(sink, "enum", EnumArrayNarrowed, "any value", Values(update!));
            return;
        }

        if (update is null)
        {
            AddAt(sink, "enum", EnumArrayExtended, Values(original), "any value");
            return;
        }

        var grows = ContainsAll(update, original);
        var shrinks = ContainsAll(original, update);
        if (grows && shrinks)
        {
            return;
        }

        AddAt(sink, "enum", grows ? EnumArrayExtended : shrinks ? EnumArrayNarrowed : EnumArrayChanged, Values(original), Values(update));
    }

    private void CompareString(StringFacet original, StringFacet update, List<Finding> sink)
    {
        CompareBound(sink, "maxLength", original.MaxLength, update.MaxLength, MaxLengthAdded, MaxLengthRemoved, MaxLengthIncreased, MaxLengthDecreased);
        CompareBound(sink, "minLength", original.MinLength, update.MinLength, MinLengthAdded, MinLengthRemoved, MinLengthIncreased, MinLengthDecreased);
        if (!string.Equals(original.Pattern, update.Pattern, StringComparison.Ordinal))
        {
            AddAt(sink, "pattern", original.Pattern is null ? PatternAdded : update.Pattern is null ? PatternRemoved : PatternChanged, original.Pattern, update.Pattern);
        }
    }

    private void CompareNumber(NumberFacet original, NumberFacet update, List<Finding> sink)
    {
        CompareBound(sink, "maximum", original.Maximum, update.Maximum, MaximumAdded, MaximumRemoved, MaximumIncreased, MaximumDecreased);
        CompareBound(sink, "minimum", original.Minimum, update.Minimum, MinimumAdded, MinimumRemoved, MinimumIncreased, MinimumDecreased);
        CompareBound(sink, "exclusiveMaximum", original.ExclusiveMaximum, update.ExclusiveMaximum, ExclusiveMaximumAdded, ExclusiveMaximumRemoved, ExclusiveMaximumIncreased, ExclusiveMaximumDecreased);
        CompareBound(sink, "exclusiveMinimum", original.ExclusiveMinimum, update.ExclusiveMinimum, ExclusiveMinimumAdded, ExclusiveMinimumRemoved, ExclusiveMinimumIncreased, ExclusiveMinimumDecreased);
        if (original.MaximumIsExclusive != update.MaximumIsExclusive)
        {
            AddAt(sink, "exclusiveMaximum", original.MaximumIsExclusive ? ExclusiveMaximumRemoved : ExclusiveMaximumAdded);
        }

        if (original.MinimumIsExclusive != update.MinimumIsExclusive)
        {
            AddAt(sink, "exclusiveMinimum", original.MinimumIsExclusive ? ExclusiveMinimumRemoved : ExclusiveMinimumAdded);
        }
        if (original.MultipleOf != update.MultipleOf)
        {
            var type = (original.MultipleOf, update.MultipleOf) switch
            {
                (null, _) => MultipleOfAdded,
                (_, null) => MultipleOfRemoved,
                ({ } o, { } u) when IsMultiple(u, o) => MultipleOfExpanded,
                ({ } o, { } u) when IsMultiple(o, u) => MultipleOfReduced,
                _ => MultipleOfChanged,
            };
            AddAt(sink, "multipleOf", type, Format(original.MultipleOf), Format(update.MultipleOf));
        }
    }

    private void CompareObject(ObjectFacet? originalFacet, ObjectFacet? updateFacet, List<Finding> sink)
    {
        var original = originalFacet ?? EmptyObject;
        var update = updateFacet ?? EmptyObject;
        CompareBound(sink, "maxProperties", original.MaxProperties, update.MaxProperties, MaxPropertiesAdded, MaxPropertiesRemoved, MaxPropertiesIncreased, MaxPropertiesDecreased);
        CompareBound(sink, "minProperties", original.MinProperties, update.MinProperties, MinPropertiesAdded, MinPropertiesRemoved, MinPropertiesIncreased, MinPropertiesDecreased);
        CompareOpenness(sink, "additionalProperties", original.AdditionalProperties, update.AdditionalProperties, AdditionalPropertiesAdded, AdditionalPropertiesRemoved, AdditionalPropertiesExtended, AdditionalPropertiesNarrowed);
        CompareOpenness(sink, "unevaluatedProperties", original.UnevaluatedProperties, update.UnevaluatedProperties, UnevaluatedPropertiesAdded, UnevaluatedPropertiesRemoved, UnevaluatedPropertiesExtended, UnevaluatedPropertiesNarrowed);
        CompareDependencies(original, update, sink);
        CompareProperties(original, update, sink);
        CompareRequired(original, update, sink);
    }

    private void CompareProperties(ObjectFacet original, ObjectFacet update, List<Finding> sink)
    {
        // Most versions of an event change a few properties; byte-identical "properties" (without $ref) need no walk.
        if (original.PropertiesDigest is { } digest && digest == update.PropertiesDigest && original.Draft == update.Draft)
        {
            return;
        }

        // A property with the same name and schema text at the same position has no differences (as SameText finds
        // for it): skip it by the digest arrays alone, so a long history's unchanged properties stay untouched, and skip
        // a whole block of them by one block digest, so a large map costs a few blocks rather than every entry. The
        // order of what is reported is the same as walking every property.
        var digests = _useDigests && original.Draft == update.Draft;
        var before = digests ? original.PropertyDigests : [];
        var after = update.PropertyDigests;
        var beforeBlocks = digests ? original.PropertyBlockDigests : [];
        var afterBlocks = update.PropertyBlockDigests;
        var originals = original.Properties;
        var updates = update.Properties;
        for (var block = 0; block * ObjectFacet.PropertyBlock < originals.Length; block++)
        {
            if (SameDigest(beforeBlocks, afterBlocks, block))
            {
                continue;
            }

            for (var i = block * ObjectFacet.PropertyBlock; i < Math.Min(originals.Length, (block + 1) * ObjectFacet.PropertyBlock); i++)
            {
                if (SameDigest(before, after, i))
                {
                    continue;
                }

                // The old node comes from its entry, and when the reader has the same name at the same position, so do the
                // name and the new node: looking them up by name would read the old name and index, cold in a long history.
                var entry = originals[i];
                if (i < updates.Length && SameName(originals, updates, i))
                {
                    CompareProperty(original, update, updates[i].Name, entry.Schema, updates[i].Schema, sink);
                }
                else
                {
                    update.PropertyIndex.TryGetValue(entry.Name, out var reader);
                    CompareProperty(original, update, entry.Name, entry.Schema, reader, sink);
                }
            }
        }

        for (var block = 0; block * ObjectFacet.PropertyBlock < updates.Length; block++)
        {
            if (SameDigest(beforeBlocks, afterBlocks, block))
            {
                continue;
            }

            for (var i = block * ObjectFacet.PropertyBlock; i < Math.Min(updates.Length, (block + 1) * ObjectFacet.PropertyBlock); i++)
            {
                if (SameDigest(before, after, i) || (i < originals.Length && SameName(originals, updates, i)))
                {
                    continue; // at the same position in the writer, so compared above
                }

                if (!original.PropertyIndex.ContainsKey(updates[i].Name))
                {
                    CompareProperty(original, update, updates[i].Name, null, updates[i].Schema, sink);
                }
            }
        }

        // The walk compares the names themselves.
        bool SameName(PropertyEntry[] originals, PropertyEntry[] updates, int i) =>
            digests ? originals[i].NameDigest == updates[i].NameDigest : string.Equals(originals[i].Name, updates[i].Name, StringComparison.Ordinal);
    }

    /// <summary>Whether entry <paramref name="i"/> has the same non-zero digest on both sides: then it needs no comparing.</summary>
    private static bool SameDigest(UInt128[] before, UInt128[] after, int i) =>
        i < before.Length && i < after.Length && before[i] != UInt128.Zero && before[i] == after[i];

    /// <summary>A property declared by the writer (<paramref name="before"/>), the reader (<paramref name="after"/>) or both.</summary>
    private void CompareProperty(ObjectFacet original, ObjectFacet update, string name, SchemaNode? before, SchemaNode? after, List<Finding> sink)
    {
        Enter("properties");
        Enter(SourceMap.Escape(name));
        if (after is null)
        {
            PropertyRemoved(update, name, before!, sink);
        }
        else if (before is null)
        {
            PropertyAdded(original, update, name, after, sink);
        }
        else
        {
            Compare(before, after, sink);
        }

        Exit();
        Exit();
    }

    private void PropertyRemoved(ObjectFacet update, string name, SchemaNode before, List<Finding> sink)
    {
        // The reader no longer declares the property; writer data may still carry it.
        if (IsOpen(update))
        {
            Add(sink, PropertyRemovedFromOpenContentModel);
            return;
        }

        var cover = Covering(update, name);
        if (cover is null)
        {
            Add(sink, Resolve(before).Kind == NodeKind.False ? PropertyWithFalseRemovedFromClosedContentModel : PropertyRemovedFromClosedContentModel);
            return;
        }

        var sub = new List<Finding>();
        Compare(before, cover, sub);
        if (IsCompatible(sub))
        {
            sink.AddRange(sub);
            Add(sink, PropertyRemovedIsCoveredByPartiallyOpenContentModel);
        }
        else
        {
            Add(sink, PropertyRemovedNotCoveredByPartiallyOpenContentModel, Summary(sub));
        }
    }

    private void PropertyAdded(ObjectFacet original, ObjectFacet update, string name, SchemaNode after, List<Finding> sink)
    {
        // The reader declares a new property; what writer data may hold under that name depends on the writer's content model.
        var required = update.RequiredSet.Contains(name);
        var hasDefault = HasDefault(after);
        if (IsOpen(original))
        {
            if (required)
            {
                Add(sink, hasDefault ? RequiredPropertyWithDefaultAddedToOpenContentModel : RequiredPropertyAddedToOpenContentModel);
            }
            else
            {
                Add(sink, Resolve(after).Kind == NodeKind.True ? PropertyWithEmptySchemaAddedToOpenContentModel : OptionalPropertyAddedToOpenContentModel);
            }

            return;
        }

        var cover = Covering(original, name);
        if (cover is not null)
        {
            var sub = new List<Finding>();
            Compare(cover, after, sub);
            if (IsCompatible(sub))
            {
                sink.AddRange(sub);
                Add(sink, PropertyAddedIsCoveredByPartiallyOpenContentModel);
            }
            else
            {
                Add(sink, PropertyAddedNotCoveredByPartiallyOpenContentModel, Summary(sub));
            }
        }

        if (required)
        {
            Add(sink, hasDefault ? RequiredPropertyWithDefaultAddedToUnopenContentModel : RequiredPropertyAddedToUnopenContentModel);
        }
        else
        {
            Add(sink, OptionalPropertyAddedToUnopenContentModel);
        }
    }

    private void CompareRequired(ObjectFacet original, ObjectFacet update, List<Finding> sink)
    {
        // The same required list: both loops below would find every name on the other side, so nothing to report.
        if (original.RequiredDigest is { } digest && digest == update.RequiredDigest)
        {
            return;
        }

        foreach (var name in original.Required)
        {
            if (!update.RequiredSet.Contains(name))
            {
                AddAt(sink, "required/" + SourceMap.Escape(name), RequiredAttributeRemoved);
            }
        }

        foreach (var name in update.Required)
        {
            if (original.RequiredSet.Contains(name))
            {
                continue;
            }

            // A property new to the reader was judged with its content model above; here the property already existed
            // (or is declared on neither side), and the reader now insists on it.
            if (original.PropertyIndex.ContainsKey(name) || !update.PropertyIndex.ContainsKey(name))
            {
                var withDefault = update.PropertyIndex.TryGetValue(name, out var schema) && HasDefault(schema);
                AddAt(sink, "required/" + SourceMap.Escape(name), withDefault ? RequiredAttributeWithDefaultAdded : RequiredAttributeAdded);
            }
        }
    }

    private void CompareDependencies(ObjectFacet original, ObjectFacet update, List<Finding> sink)
    {
        if (!original.HasDependencies && !update.HasDependencies)
        {
            return;
        }

        foreach (var name in original.DependentRequired.Keys.Union(update.DependentRequired.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var path = "dependencies/" + SourceMap.Escape(name);
            var hasBefore = original.DependentRequired.TryGetValue(name, out var before);
            var hasAfter = update.DependentRequired.TryGetValue(name, out var after);
            if (!hasAfter)
            {
                AddAt(sink, path, DependencyArrayRemoved);
            }
            else if (!hasBefore)
            {
                AddAt(sink, path, DependencyArrayAdded);
            }
            else
            {
                var grows = after!.ToHashSet(StringComparer.Ordinal).IsSupersetOf(before!);
                var shrinks = before!.ToHashSet(StringComparer.Ordinal).IsSupersetOf(after!);
                if (!(grows && shrinks))
                {
                    AddAt(sink, path, grows ? DependencyArrayExtended : shrinks ? DependencyArrayNarrowed : DependencyArrayChanged, string.Join(", ", before!), string.Join(", ", after!));
                }
            }
        }

        foreach (var name in original.DependentSchemas.Keys.Union(update.DependentSchemas.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var path = "dependencies/" + SourceMap.Escape(name);
            var hasBefore = original.DependentSchemas.TryGetValue(name, out var before);
            var hasAfter = update.DependentSchemas.TryGetValue(name, out var after);
            if (!hasAfter)
            {
                AddAt(sink, path, DependencySchemaRemoved);
            }
            else if (!hasBefore)
            {
                AddAt(sink, path, DependencySchemaAdded);
            }
            else
            {
                Enter(path);
                Compare(before, after, sink);
                Exit();
            }
        }
    }

    private void CompareArray(ArrayFacet? originalFacet, ArrayFacet? updateFacet, List<Finding> sink)
    {
        var original = originalFacet ?? EmptyArray;
        var update = updateFacet ?? EmptyArray;
        CompareBound(sink, "maxItems", original.MaxItems, update.MaxItems, MaxItemsAdded, MaxItemsRemoved, MaxItemsIncreased, MaxItemsDecreased);
        CompareBound(sink, "minItems", original.MinItems, update.MinItems, MinItemsAdded, MinItemsRemoved, MinItemsIncreased, MinItemsDecreased);
        if (original.UniqueItems != update.UniqueItems)
        {
            AddAt(sink, "uniqueItems", original.UniqueItems ? UniqueItemsRemoved : UniqueItemsAdded);
        }

        CompareBound(sink, "maxContains", original.MaxContains, update.MaxContains, MaxContainsAdded, MaxContainsRemoved, MaxContainsIncreased, MaxContainsDecreased);
        CompareBound(sink, "minContains", original.MinContains, update.MinContains, MinContainsAdded, MinContainsRemoved, MinContainsIncreased, MinContainsDecreased);
        CompareOptional("contains", original.Contains, update.Contains, sink);

        if (original.Prefix is null && update.Prefix is null)
        {
            CompareOptional("items", original.Items, update.Items, sink);
        }
        else
        {
            CompareTuples(original, update, sink);
            CompareOpenness(sink, "additionalItems", original.Items, update.Items, AdditionalItemsAdded, AdditionalItemsRemoved, AdditionalItemsExtended, AdditionalItemsNarrowed);
        }

        CompareOpenness(sink, "unevaluatedItems", original.UnevaluatedItems, update.UnevaluatedItems, UnevaluatedItemsAdded, UnevaluatedItemsRemoved, UnevaluatedItemsExtended, UnevaluatedItemsNarrowed);
    }

    private void CompareTuples(ArrayFacet original, ArrayFacet update, List<Finding> sink)
    {
        // A plain "items" schema is a tuple of no positions whose remaining items follow it.
        var before = original.Prefix ?? [];
        var after = update.Prefix ?? [];
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            Enter("items/" + i.ToString(CultureInfo.InvariantCulture));
            if (i < before.Count && i < after.Count)
            {
                Compare(before[i], after[i], sink);
            }
            else if (i >= before.Count)
            {
                ItemAdded(original.Items, after[i], sink);
            }
            else
            {
                ItemRemoved(update.Items, before[i], sink);
            }

            Exit();
        }
    }

    private void ItemAdded(SchemaNode? originalRest, SchemaNode added, List<Finding> sink)
    {
        if (IsOpen(originalRest))
        {
            Add(sink, Resolve(added).Kind == NodeKind.True ? ItemWithEmptySchemaAddedToOpenContentModel : ItemAddedToOpenContentModel);
            return;
        }

        if (Resolve(originalRest!).Kind == NodeKind.False)
        {
            Add(sink, ItemAddedToClosedContentModel);
            return;
        }

        var sub = new List<Finding>();
        Compare(originalRest, added, sub);
        if (IsCompatible(sub))
        {
            sink.AddRange(sub);
            Add(sink, ItemAddedIsCoveredByPartiallyOpenContentModel);
        }
        else
        {
            Add(sink, ItemAddedNotCoveredByPartiallyOpenContentModel, Summary(sub));
        }
    }

    private void ItemRemoved(SchemaNode? updateRest, SchemaNode removed, List<Finding> sink)
    {
        if (IsOpen(updateRest))
        {
            Add(sink, ItemRemovedFromOpenContentModel);
            return;
        }

        if (Resolve(updateRest!).Kind == NodeKind.False)
        {
            Add(sink, Resolve(removed).Kind == NodeKind.False ? ItemWithFalseRemovedFromClosedContentModel : ItemRemovedFromClosedContentModel);
            return;
        }

        var sub = new List<Finding>();
        Compare(removed, updateRest, sub);
        if (IsCompatible(sub))
        {
            sink.AddRange(sub);
            Add(sink, ItemRemovedIsCoveredByPartiallyOpenContentModel);
        }
        else
        {
            Add(sink, ItemRemovedNotCoveredByPartiallyOpenContentModel, Summary(sub));
        }
    }

    /// <summary>
    /// additionalProperties, unevaluatedProperties, additionalItems, unevaluatedItems: absent or <c>true</c> is open,
    /// <c>false</c> closed, a schema partially open.
    /// </summary>
    private void CompareOpenness(
        List<Finding> sink, string keyword, SchemaNode? original, SchemaNode? update,
        DifferenceType added, DifferenceType removed, DifferenceType extended, DifferenceType narrowed)
    {
        var originalPermits = original is null || Resolve(original).Kind != NodeKind.False;
        var updatePermits = update is null || Resolve(update).Kind != NodeKind.False;
        if (originalPermits != updatePermits)
        {
            AddAt(sink, keyword, originalPermits ? removed : added);
            return;
        }

        if (!originalPermits)
        {
            return;
        }

        var originalSchema = original is null || Resolve(original).Kind == NodeKind.True ? null : original;
        var updateSchema = update is null || Resolve(update).Kind == NodeKind.True ? null : update;
        if (originalSchema is null && updateSchema is null)
        {
            return;
        }

        if (originalSchema is null)
        {
            AddAt(sink, keyword, narrowed);
            return;
        }

        if (updateSchema is null)
        {
            AddAt(sink, keyword, extended);
            return;
        }

        Enter(keyword);
        var sub = new List<Finding>();
        Compare(originalSchema, updateSchema, sub);
        Exit();
        if (sub.Count == 0)
        {
            return;
        }

        if (!IsCompatible(sub))
        {
            AddAt(sink, keyword, narrowed, Summary(sub));
            return;
        }

        sink.AddRange(sub);
        if (sub.Any(d => !IsAnnotation(d.Type)))
        {
            AddAt(sink, keyword, extended);
        }
    }

    private void CompareOptional(string keyword, SchemaNode? original, SchemaNode? update, List<Finding> sink)
    {
        if (original is null && update is null)
        {
            return;
        }

        Enter(keyword);
        if (original is null && Resolve(update!).Kind == NodeKind.True)
        {
            // "items": {} says nothing more than no "items" at all.
        }
        else if (update is null && Resolve(original!).Kind == NodeKind.True)
        {
        }
        else
        {
            Compare(original, update, sink);
        }

        Exit();
    }

    // ---- content models ----------------------------------------------------------------------------

    private static bool IsOpen(ObjectFacet facet) =>
        facet.PatternProperties.Count == 0 && IsOpen(facet.AdditionalProperties) && IsOpen(facet.UnevaluatedProperties);

    private static bool IsOpen(SchemaNode? rest) => rest is null || Resolve(rest).Kind == NodeKind.True;

    /// <summary>The schema that judges a property the object does not declare by name; null when the object is closed to it.</summary>
    private SchemaNode? Covering(ObjectFacet facet, string name)
    {
        foreach (var pattern in facet.PatternProperties)
        {
            if (Matches(pattern, name))
            {
                return pattern.Schema;
            }
        }

        foreach (var rest in new[] { facet.AdditionalProperties, facet.UnevaluatedProperties })
        {
            if (rest is not null)
            {
                return Resolve(rest).Kind == NodeKind.False ? null : rest;
            }
        }

        return AnyValue;
    }

    private bool Matches(PatternProperty pattern, string name)
    {
        try
        {
            return pattern.Regex!.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            throw TooComplex($"the patternProperties regular expression \"{pattern.Pattern}\" took longer than {_limits.RegexTimeout.TotalMilliseconds:0} ms on \"{name}\"");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /// <summary>
    /// Two subschemas with the same JSON text, the same draft and no <c>$ref</c> (which could resolve differently in
    /// each document) mean the same thing, so they have no differences. Long histories are mostly unchanged parts;
    /// comparing their bytes spares walking them.
    /// </summary>
    private bool SameText(SchemaNode original, SchemaNode update)
    {
        if (_useDigests)
        {
            // The same rule, decided on the nodes alone: their documents' text stays untouched.
            return original.TextDigest != UInt128.Zero && original.TextDigest == update.TextDigest;
        }

        // The roots were already compared by fingerprint (see the entry point); re-reading their text would only
        // pull each old version's document through the cache again.
        if (!original.IsWhole || !update.IsWhole || original.Pointer == "#" || original.Document?.Draft != update.Document?.Draft)
        {
            return false;
        }

        return SameText(original.Element, update.Element);
    }

    private static bool SameText(JsonElement original, JsonElement update)
    {
        var a = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(original);
        var b = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(update);
        return a.SequenceEqual(b) && a.IndexOf("$ref"u8) < 0;
    }

    private static bool IsEnumOnly(SchemaNode node) =>
        node.Types is null && node.Enum is not null && node.String is null && node.Number is null && node.Object is null && node.Array is null;

    /// <summary>A schema of several types compares as Confluent's loader reads it: an anyOf of one schema per type.</summary>
    private SchemaNode ExpandTypeArray(SchemaNode node)
    {
        if (node.Kind != NodeKind.Core || node.Types is not { } types)
        {
            return node;
        }

        if (IsSingleType(types))
        {
            return node;
        }

        _expanded ??= new Dictionary<SchemaNode, SchemaNode>(ReferenceEqualityComparer.Instance);
        if (!_expanded.TryGetValue(node, out var expanded))
        {
            expanded = new SchemaNode(NodeKind.Combined, node.Pointer)
            {
                Criterion = Criterion.AnyOf,
                FromTypeArray = true,
                Branches = ProjectEach(node, types),
                Annotations = node.Annotations,
                Element = node.Element,
                Document = node.Document,
            };
            _expanded[node] = expanded;
        }

        return expanded;
    }

    private static SchemaNode Resolve(SchemaNode node)
    {
        while (node.Kind == NodeKind.Reference)
        {
            node = node.Target!;
        }

        return node;
    }

    private static bool HasDefault(SchemaNode node) => node.Annotations.HasDefault || Resolve(node).Annotations.HasDefault;

    private bool IsCompatible(List<Finding> differences)
    {
        foreach (var difference in differences)
        {
            if (!difference.Type.IsCompatible(_policy))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAnnotation(DifferenceType type) => type is IdChanged or TitleChanged or DescriptionChanged or DefaultChanged;

    private static List<SchemaNode> Distinct(IReadOnlyList<SchemaNode> branches)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<SchemaNode>(branches.Count);
        foreach (var branch in branches)
        {
            if (seen.Add(CanonicalJson.Write(branch.Element, sortKeys: false)))
            {
                distinct.Add(branch);
            }
        }

        return distinct;
    }

    private static JsonTypes? EffectiveTypes(SchemaNode node)
    {
        if (node.Types is { } types)
        {
            return types;
        }

        if (node.Enum is { } values)
        {
            var inferred = JsonTypes.None;
            foreach (var value in values)
            {
                inferred |= value.ValueKind switch
                {
                    JsonValueKind.String => JsonTypes.String,
                    JsonValueKind.Number => value.TryGetInt64(out _) ? JsonTypes.Integer : JsonTypes.Number,
                    JsonValueKind.True or JsonValueKind.False => JsonTypes.Boolean,
                    JsonValueKind.Null => JsonTypes.Null,
                    JsonValueKind.Object => JsonTypes.Object,
                    JsonValueKind.Array => JsonTypes.Array,
                    _ => JsonTypes.None,
                };
            }

            return inferred == JsonTypes.None ? null : inferred;
        }

        // Keywords without "type" (Confluent's loader "sniffs" them): the schema is judged as the type they belong to.
        var sniffed = (node.String is null ? JsonTypes.None : JsonTypes.String)
            | (node.Number is null ? JsonTypes.None : JsonTypes.Number)
            | (node.Object is null ? JsonTypes.None : JsonTypes.Object)
            | (node.Array is null ? JsonTypes.None : JsonTypes.Array);
        return sniffed == JsonTypes.None ? null : sniffed;
    }

    /// <summary>Whether every type in <paramref name="inner"/> is accepted by <paramref name="outer"/> (integer is a number).</summary>
    private static bool Covers(JsonTypes outer, JsonTypes inner)
    {
        if ((outer & JsonTypes.Number) != 0)
        {
            outer |= JsonTypes.Integer;
        }

        return (inner & ~outer) == 0;
    }

    private static bool Overlap(JsonTypes a, JsonTypes b)
    {
        if ((a & JsonTypes.Number) != 0)
        {
            a |= JsonTypes.Integer;
        }

        if ((b & JsonTypes.Number) != 0)
        {
            b |= JsonTypes.Integer;
        }

        return (a & b) != 0;
    }

    private static bool Applies(JsonTypes? original, JsonTypes? update, JsonTypes family) =>
        (original is null || (original.Value & family) != 0) && (update is null || (update.Value & family) != 0);

    private static readonly JsonTypes[] EveryType =
        [JsonTypes.Null, JsonTypes.Boolean, JsonTypes.Object, JsonTypes.Array, JsonTypes.Number, JsonTypes.String, JsonTypes.Integer];

    private static List<JsonTypes> SingleTypes(JsonTypes types)
    {
        types = WithoutImpliedInteger(types);
        var singles = new List<JsonTypes>(System.Numerics.BitOperations.PopCount((uint)types));
        foreach (var type in EveryType)
        {
            if ((types & type) != 0)
            {
                singles.Add(type);
            }
        }

        return singles;
    }

    /// <summary>"integer" beside "number" adds nothing: every integer is a number.</summary>
    private static JsonTypes WithoutImpliedInteger(JsonTypes types) =>
        (types & JsonTypes.Number) != 0 ? types & ~JsonTypes.Integer : types;

    private static bool IsSingleType(JsonTypes types) => System.Numerics.BitOperations.PopCount((uint)WithoutImpliedInteger(types)) <= 1;

    // Apart from ExpandTypeArray so that its lambda's closure is allocated only when a type array is expanded.
    private static List<SchemaNode> ProjectEach(SchemaNode node, JsonTypes types) => SingleTypes(types).ConvertAll(type => Project(node, type));

    private static SchemaNode Project(SchemaNode node, JsonTypes type) => new(NodeKind.Core, node.Pointer)
    {
        Types = type,
        Enum = node.Enum,
        String = node.String,
        Number = node.Number,
        Object = node.Object,
        Array = node.Array,
        Element = node.Element,
        Document = node.Document,
    };

    private static bool ContainsAll(IReadOnlyList<JsonElement> set, IReadOnlyList<JsonElement> subset) =>
        subset.All(item => set.Any(candidate => JsonElement.DeepEquals(candidate, item)));

    private static bool IsMultiple(double value, double of)
    {
        try
        {
            return (decimal)value % (decimal)of == 0;
        }
        catch (OverflowException)
        {
            return Math.Abs(Math.IEEERemainder(value, of)) < 1e-12;
        }
    }

    private void CompareBound(
        List<Finding> sink, string keyword, double? original, double? update,
        DifferenceType added, DifferenceType removed, DifferenceType increased, DifferenceType decreased)
    {
        if (original == update)
        {
            return;
        }

        var type = original is null ? added : update is null ? removed : original < update ? increased : decreased;
        AddAt(sink, keyword, type, Format(original), Format(update));
    }

    private void CompareBound(
        List<Finding> sink, string keyword, long? original, long? update,
        DifferenceType added, DifferenceType removed, DifferenceType increased, DifferenceType decreased) =>
        CompareBound(sink, keyword, (double?)original, (double?)update, added, removed, increased, decreased);

    private string? Format(double? value)
    {
        if (value is not { } number)
        {
            return null;
        }

        // "R" round-trips any double in at most 24 characters.
        Span<char> buffer = stackalloc char[32];
        return number.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture) ? Shared(buffer[..written]) : number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string Values(IReadOnlyList<JsonElement> values) =>
        "[" + string.Join(", ", values.Take(8).Select(v => v.GetRawText())) + (values.Count > 8 ? ", …" : string.Empty) + "]";

    private static string Count(IReadOnlyList<SchemaNode> branches) => branches.Count.ToString(CultureInfo.InvariantCulture);

    private static string Keyword(Criterion criterion) => criterion switch
    {
        Criterion.AllOf => "allOf",
        Criterion.AnyOf => "anyOf",
        _ => "oneOf",
    };

    private static string TypeNames(JsonTypes types)
    {
        var names = SingleTypes(types).Select(t => t.ToString().ToLowerInvariant()).ToList();
        return names.Count == 1 ? names[0] : "[" + string.Join(", ", names) + "]";
    }

    private static string Describe(SchemaNode node) => node.Kind switch
    {
        NodeKind.True => "any value",
        NodeKind.False => "no value",
        NodeKind.Core => EffectiveTypes(node) is { } t ? TypeNames(t) : "a constrained value",
        NodeKind.Combined => Keyword(node.Criterion),
        NodeKind.Not => "not",
        NodeKind.Conditional => "if/then/else",
        _ => "a reference",
    };

    private static string Summary(List<Finding> differences) =>
        string.Join("; ", differences.Where(d => !IsAnnotation(d.Type)).Take(3).Select(d => $"{d.Type.ToWireName()} at {d.Path}"));

    private void Enter(string segment) => _path.Add(segment);

    private void Exit() => _path.RemoveAt(_path.Count - 1);

    private string CurrentPath(string? keyword)
    {
        if (_path.Count == 0 && keyword is null)
        {
            return "#/";
        }

        var length = 2 + (keyword?.Length ?? 0) + (keyword is not null && _path.Count > 0 ? 1 : 0);
        foreach (var segment in _path)
        {
            length += segment.Length;
        }

        length += Math.Max(0, _path.Count - 1);
        char[]? rented = null;
        var buffer = length <= 512 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        "#/".CopyTo(buffer);
        var at = 2;
        for (var i = 0; i < _path.Count; i++)
        {
            if (i > 0)
            {
                buffer[at++] = '/';
            }

            _path[i].CopyTo(buffer[at..]);
            at += _path[i].Length;
        }

        if (keyword is not null)
        {
            if (_path.Count > 0)
            {
                buffer[at++] = '/';
            }

            keyword.CopyTo(buffer[at..]);
        }

        var path = Shared(buffer);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return path;
    }

    /// <summary>
    /// <paramref name="text"/> as a string, the same instance each time the comparer meets the same text. A transitive
    /// check finds the same paths and bounds in many versions (a property loosened once differs from every older version
    /// at one path), and the result holds every difference until the check ends: sharing the strings keeps what the check
    /// holds, and the garbage collector copies, to the differences themselves.
    /// </summary>
    private string Shared(ReadOnlySpan<char> text)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        if (_strings.Count >= MaxSharedStrings)
        {
            _strings.Clear(); // bounded: a hostile schema with endless distinct paths gets fresh strings, not a growing table
        }

        var created = new string(text);
        _strings.Add(created);
        return created;
    }

    private const int MaxSharedStrings = 4096;

    private void Add(List<Finding> sink, DifferenceType type, string? before = null, string? after = null)
    {
        sink.Add(new Finding(type, CurrentPath(null), before, after));
    }

    private void AddAt(List<Finding> sink, string keyword, DifferenceType type, string? before = null, string? after = null)
    {
        sink.Add(new Finding(type, CurrentPath(keyword), before, after));
    }

    private void Tick()
    {
        if (++_steps > _limits.MaxComparisonSteps)
        {
            throw TooComplex($"the comparison took more than {_limits.MaxComparisonSteps:N0} steps");
        }

        if ((_steps & 1023) == 0 && Stopwatch.GetElapsedTime(_started) > _limits.ComparisonTimeBudget)
        {
            throw TooComplex($"the comparison ran longer than {_limits.ComparisonTimeBudget.TotalSeconds:0.#} s");
        }
    }

    private SchemaException TooComplex(string what) => new(
        SchemaErrorKind.TooComplex,
        $"The schemas are too complex to compare: {what} (at {CurrentPath(null)}). Simplify deeply nested or heavily combined (allOf/anyOf/oneOf) parts.");

    private sealed class PairComparer : IEqualityComparer<(SchemaNode, SchemaNode)>
    {
        public static PairComparer Instance { get; } = new();

        public bool Equals((SchemaNode, SchemaNode) x, (SchemaNode, SchemaNode) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((SchemaNode, SchemaNode) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
