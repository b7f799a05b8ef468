using System.Collections.Generic;
using System.Globalization;

namespace EventContracts.SourceGen;

/// <summary>
/// Emits the serialization code of one contract: a <c>JsonConverter&lt;T&gt;</c> per generated type, reading and
/// writing with <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c> directly. No reflection, so trimming and native AOT
/// keep working; the types carry <c>[JsonConverter]</c>, so plain <c>JsonSerializer.Serialize(evt)</c> uses it,
/// and <see cref="ResolverEmitter"/> exposes the same converters as an <c>IJsonTypeInfoResolver</c>.
/// </summary>
/// <remarks>
/// The System.Text.Json source generator cannot do this job: generators do not see each other's output, so it
/// never sees our records (DESIGN §11). Property names are matched exactly (they are the contract), unknown
/// properties are skipped, a missing required property or a null where the schema allows none is a
/// <c>JsonException</c> naming the property and the type.
/// </remarks>
internal static class JsonEmitter
{
    private const string Json = "global::System.Text.Json.";
    private const string Reader = Json + "Utf8JsonReader";
    private const string Writer = Json + "Utf8JsonWriter";
    private const string Options = Json + "JsonSerializerOptions";
    private const string Token = Json + "JsonTokenType.";
    private const string Exception = Json + "JsonException";
    private const string Metadata = Json + "Serialization.Metadata.JsonMetadataServices.";

    /// <summary>The static class holding a contract's converters: <c>OrderCreatedV2_Json</c>. Generated type names never contain '_' after their first character, so it cannot collide.</summary>
    public static string ContainerName(string rootName) => rootName + "_Json";

    public static string ConverterName(ContractModel contract, string typeName) =>
        "global::" + contract.Namespace + "." + ContainerName(contract.Root.Name) + "." + typeName + "Converter";

    public static void Emit(CodeWriter w, ContractModel contract)
    {
        var root = contract.Root.Name;
        var q = "global::" + contract.Namespace + "." + root + ".";
        w.Line("/// <summary>Reflection-free System.Text.Json converters for <see cref=\"" + root + "\"/> and its nested types.</summary>");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"EventContracts.Registry.SourceGen\", \"1.0\")]");
        w.Open("internal static class " + ContainerName(root));
        var context = new Context(contract, q);
        RecordConverter(w, context, contract.Root, "global::" + contract.Namespace + "." + root);
        foreach (var record in contract.Records)
        {
            w.Line();
            RecordConverter(w, context, record, q + record.Name);
        }

        foreach (var union in contract.Unions)
        {
            w.Line();
            UnionConverter(w, context, union);
        }

        foreach (var e in contract.Enums)
        {
            w.Line();
            EnumConverter(w, e, q + e.Name);
        }

        w.Close();
    }

    private sealed class Context
    {
        public Context(ContractModel contract, string qualifier)
        {
            Contract = contract;
            Qualifier = qualifier;
        }

        public ContractModel Contract { get; }

        /// <summary>Prefix of nested type names, e.g. <c>global::Ns.OrderCreatedV2.</c>.</summary>
        public string Qualifier { get; }

        /// <summary>Numbers the locals of nested list and map loops.</summary>
        public int Counter { get; set; }

        public string What(string typeName) =>
            typeName + " (" + Contract.EventType + " v" + Contract.Version.ToString(CultureInfo.InvariantCulture) + ")";
    }

    private static void ConverterHeader(CodeWriter w, string name, string type, string readArgs, string writeArgs)
    {
        w.Open("internal sealed class " + name + "Converter : " + Json + "Serialization.JsonConverter<" + type + ">");
        w.Line("/// <summary>The one instance the resolver hands out.</summary>");
        w.Line("public static readonly " + name + "Converter Instance = new();");
        w.Line();
        w.Line("public override " + type + " Read(ref " + Reader + " reader, global::System.Type typeToConvert, " + Options + " options) => ReadValue(ref reader" + readArgs + ");");
        w.Line();
        w.Line("public override void Write(" + Writer + " writer, " + type + " value, " + Options + " options) => WriteValue(writer, value" + writeArgs + ");");
    }

    private static void RecordConverter(CodeWriter w, Context c, RecordModel record, string type)
    {
        ConverterHeader(w, record.Name, type, ", options", ", options");
        var props = record.Properties;
        w.Line();
        if (record.Discriminator is { } d)
        {
            w.Line("private static readonly " + Json + "JsonEncodedText D = " + Json + "JsonEncodedText.Encode(" + ContractEmitter.Literal(d.JsonName) + ");");
            w.Line("private static readonly " + Json + "JsonEncodedText DValue = " + Json + "JsonEncodedText.Encode(" + ContractEmitter.Literal(d.Value) + ");");
        }

        for (var i = 0; i < props.Count; i++)
        {
            w.Line("private static readonly " + Json + "JsonEncodedText P" + N(i) + " = " + Json + "JsonEncodedText.Encode(" + ContractEmitter.Literal(props[i].JsonName) + ");");
        }

        // Read.
        w.Line();
        w.Open("internal static " + type + " ReadValue(ref " + Reader + " reader, " + Options + " options)");
        RequireToken(w, "StartObject", "a JSON object for " + c.What(record.Name));
        w.Line();
        if (record.Discriminator is not null)
        {
            w.Line("var seenD = false;");
        }

        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            var local = p.Required && !p.Nullable ? ContractEmitter.TypeName(p.Type, c.Qualifier) + " p" + N(i) + " = default!;" : ContractEmitter.TypeName(p.Type, c.Qualifier) + "? p" + N(i) + " = default;";
            w.Line(local);
            if (p.Required)
            {
                w.Line("var seen" + N(i) + " = false;");
            }
        }

        w.Open("while (reader.Read() && reader.TokenType == " + Token + "PropertyName)");
        var first = true;
        if (record.Discriminator is { } disc)
        {
            w.Open("if (reader.ValueTextEquals(" + ContractEmitter.Literal(disc.JsonName) + "u8))");
            w.Line("reader.Read();");
            w.Open("if (reader.TokenType != " + Token + "String || !reader.ValueTextEquals(" + ContractEmitter.Literal(disc.Value) + "u8))");
            w.Line("throw new " + Exception + "(\"" + Escape("\"" + disc.JsonName + "\" of " + c.What(record.Name) + " must be \"" + disc.Value + "\"") + "\");");
            w.Close();
            w.Line();
            w.Line("seenD = true;");
            w.Close();
            first = false;
        }

        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            w.Open((first ? "if" : "else if") + " (reader.ValueTextEquals(" + ContractEmitter.Literal(p.JsonName) + "u8))");
            first = false;
            w.Line("reader.Read();");
            w.Open("if (reader.TokenType == " + Token + "Null)");
            if (p.Nullable)
            {
                w.Line("p" + N(i) + " = null;");
            }
            else if (p.Required)
            {
                w.Line("throw new " + Exception + "(\"" + Escape("\"" + p.JsonName + "\" of " + c.What(record.Name) + " must not be null") + "\");");
            }
            else
            {
                w.Line("// The schema does not allow null here; an optional member reads it as absent.");
            }

            w.Close();
            w.Open("else");
            ReadInto(w, c, p.Type, "p" + N(i));
            w.Close();
            if (p.Required)
            {
                w.Line();
                w.Line("seen" + N(i) + " = true;");
            }

            w.Close();
        }

        if (first)
        {
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
        }
        else
        {
            w.Open("else");
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
            w.Close();
        }

        w.Close();
        w.Line();
        if (record.Discriminator is { } dd)
        {
            w.Open("if (!seenD)");
            w.Line("throw new " + Exception + "(\"" + Escape("missing required property \"" + dd.JsonName + "\" of " + c.What(record.Name)) + "\");");
            w.Close();
            w.Line();
        }

        for (var i = 0; i < props.Count; i++)
        {
            if (props[i].Required)
            {
                w.Open("if (!seen" + N(i) + ")");
                w.Line("throw new " + Exception + "(\"" + Escape("missing required property \"" + props[i].JsonName + "\" of " + c.What(record.Name)) + "\");");
                w.Close();
                w.Line();
            }
        }

        w.Line("return new " + type);
        w.Line("{");
        w.Indent++;
        for (var i = 0; i < props.Count; i++)
        {
            w.Line(props[i].Name + " = p" + N(i) + ",");
        }

        w.Indent--;
        w.Line("};");
        w.Close();

        // Write.
        w.Line();
        w.Open("internal static void WriteValue(" + Writer + " writer, " + type + " value, " + Options + " options)");
        w.Line("writer.WriteStartObject();");
        if (record.Discriminator is not null)
        {
            w.Line("writer.WriteString(D, DValue);");
        }

        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            var v = "v" + N(i);
            if (p.Type.IsValueType && p.Required && !p.Nullable)
            {
                w.Line("var " + v + " = value." + p.Name + ";");
                WriteProperty(w, c, p.Type, "P" + N(i), v);
                continue;
            }

            w.Open("if (value." + p.Name + " is { } " + v + ")");
            WriteProperty(w, c, p.Type, "P" + N(i), v);
            w.Close();
            if (p.Nullable && p.Required)
            {
                w.Open("else");
                w.Line("writer.WriteNull(P" + N(i) + ");");
                w.Close();
            }
            else if (p.Required)
            {
                w.Open("else");
                w.Line("throw new " + Exception + "(\"" + Escape(p.Name + " of " + c.What(record.Name) + " is null, but the schema requires \"" + p.JsonName + "\"") + "\");");
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Close();
    }

    /// <summary>Reads the value at the reader (not null) into <paramref name="target"/>.</summary>
    private static void ReadInto(CodeWriter w, Context c, TypeModel type, string target)
    {
        switch (type.Kind)
        {
            case ValueKind.List:
            {
                var n = N(c.Counter++);
                var item = ContractEmitter.TypeName(type.Element!, c.Qualifier);
                RequireToken(w, "StartArray", "a JSON array");
                w.Line();
                w.Line("var list" + n + " = new global::System.Collections.Generic.List<" + item + ">();");
                w.Open("while (reader.Read() && reader.TokenType != " + Token + "EndArray)");
                w.Line(item + " item" + n + ";");
                ReadElement(w, c, type.Element!, "item" + n);
                w.Line("list" + n + ".Add(item" + n + ");");
                w.Close();
                w.Line();
                w.Line(target + " = list" + n + ";");
                return;
            }

            case ValueKind.Map:
            {
                var n = N(c.Counter++);
                var item = ContractEmitter.TypeName(type.Element!, c.Qualifier);
                RequireToken(w, "StartObject", "a JSON object");
                w.Line();
                w.Line("var map" + n + " = new global::System.Collections.Generic.Dictionary<string, " + item + ">(global::System.StringComparer.Ordinal);");
                w.Open("while (reader.Read() && reader.TokenType == " + Token + "PropertyName)");
                w.Line("var key" + n + " = reader.GetString()!;");
                w.Line("reader.Read();");
                w.Line(item + " item" + n + ";");
                ReadElement(w, c, type.Element!, "item" + n);
                w.Line("map" + n + "[key" + n + "] = item" + n + ";");
                w.Close();
                w.Line();
                w.Line(target + " = map" + n + ";");
                return;
            }

            default:
                w.Line(target + " = " + ReadExpression(c, type) + ";");
                return;
        }
    }

    private static void ReadElement(CodeWriter w, Context c, TypeModel type, string target)
    {
        if (type.Kind != ValueKind.Json)
        {
            w.Open("if (reader.TokenType == " + Token + "Null)");
            w.Line("throw new " + Exception + "(\"an item must not be null\");");
            w.Close();
            w.Line();
        }

        ReadInto(w, c, type, target);
    }

    private static string ReadExpression(Context c, TypeModel type) => type.Kind switch
    {
        // The reader's Get* methods throw for a token of the wrong kind; System.Text.Json turns that into a
        // JsonException with the path.
        ValueKind.String => "reader.GetString()!",
        ValueKind.Integer => "reader.GetInt64()",
        ValueKind.Decimal => "reader.GetDecimal()",
        ValueKind.Double => "reader.GetDouble()",
        ValueKind.Boolean => "reader.GetBoolean()",
        ValueKind.DateTime => "reader.GetDateTimeOffset()",
        ValueKind.Uuid => "reader.GetGuid()",
        ValueKind.Date => Metadata + "DateOnlyConverter.Read(ref reader, typeof(global::System.DateOnly), options)",
        ValueKind.Uri => Metadata + "UriConverter.Read(ref reader, typeof(global::System.Uri), options)!",
        ValueKind.Json => Json + "JsonElement.ParseValue(ref reader)",
        ValueKind.Enum => type.Name + "Converter.ReadValue(ref reader)",
        _ => type.Name + "Converter.ReadValue(ref reader, options)",
    };

    private static void WriteProperty(CodeWriter w, Context c, TypeModel type, string name, string value)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
            case ValueKind.DateTime:
            case ValueKind.Uuid:
                w.Line("writer.WriteString(" + name + ", " + value + ");");
                return;
            case ValueKind.Integer:
            case ValueKind.Decimal:
            case ValueKind.Double:
                w.Line("writer.WriteNumber(" + name + ", " + value + ");");
                return;
            case ValueKind.Boolean:
                w.Line("writer.WriteBoolean(" + name + ", " + value + ");");
                return;
            default:
                w.Line("writer.WritePropertyName(" + name + ");");
                WriteValue(w, c, type, value);
                return;
        }
    }

    private static void WriteValue(CodeWriter w, Context c, TypeModel type, string value)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
            case ValueKind.DateTime:
            case ValueKind.Uuid:
                w.Line("writer.WriteStringValue(" + value + ");");
                return;
            case ValueKind.Integer:
            case ValueKind.Decimal:
            case ValueKind.Double:
                w.Line("writer.WriteNumberValue(" + value + ");");
                return;
            case ValueKind.Boolean:
                w.Line("writer.WriteBooleanValue(" + value + ");");
                return;
            case ValueKind.Date:
                w.Line(Metadata + "DateOnlyConverter.Write(writer, " + value + ", options);");
                return;
            case ValueKind.Uri:
                w.Line(Metadata + "UriConverter.Write(writer, " + value + ", options);");
                return;
            case ValueKind.Json:
                w.Line(value + ".WriteTo(writer);");
                return;
            case ValueKind.Enum:
                w.Line(type.Name + "Converter.WriteValue(writer, " + value + ");");
                return;
            case ValueKind.Record:
            case ValueKind.Union:
                w.Line(type.Name + "Converter.WriteValue(writer, " + value + ", options);");
                return;
            case ValueKind.List:
            {
                // An index loop: foreach over IReadOnlyList<T> would allocate a boxed enumerator per list.
                var n = N(c.Counter++);
                var list = "list" + n;
                w.Line("var " + list + " = " + value + ";");
                w.Line("writer.WriteStartArray();");
                w.Open("for (var i" + n + " = 0; i" + n + " < " + list + ".Count; i" + n + "++)");
                w.Line("var item" + n + " = " + list + "[i" + n + "];");
                WriteElement(w, c, type.Element!, "item" + n);
                w.Close();
                w.Line();
                w.Line("writer.WriteEndArray();");
                return;
            }

            default:
            {
                var entry = "entry" + N(c.Counter++);
                w.Line("writer.WriteStartObject();");
                w.Open("foreach (var " + entry + " in " + value + ")");
                w.Line("writer.WritePropertyName(" + entry + ".Key);");
                WriteElement(w, c, type.Element!, entry + ".Value");
                w.Close();
                w.Line();
                w.Line("writer.WriteEndObject();");
                return;
            }
        }
    }

    private static void WriteElement(CodeWriter w, Context c, TypeModel type, string value)
    {
        if (type.IsValueType)
        {
            WriteValue(w, c, type, value);
            return;
        }

        w.Open("if (" + value + " is null)");
        w.Line("throw new " + Exception + "(\"an item is null, but the schema does not allow null items\");");
        w.Close();
        w.Line();
        WriteValue(w, c, type, value);
    }

    private static void UnionConverter(CodeWriter w, Context c, UnionModel union)
    {
        var type = c.Qualifier + union.Name;
        ConverterHeader(w, union.Name, type, ", options", ", options");
        var expected = new List<string>();
        foreach (var v in union.Variants)
        {
            expected.Add("\"" + v.Value + "\"");
        }

        var wrong = "\"" + union.DiscriminatorJsonName + "\" of " + c.What(union.Name) + " must be one of " + string.Join(", ", expected);
        w.Line();
        w.Open("internal static " + type + " ReadValue(ref " + Reader + " reader, " + Options + " options)");
        RequireToken(w, "StartObject", "a JSON object for " + c.What(union.Name));
        w.Line();
        w.Line("// A copy of the reader looks ahead for the discriminator; the original then reads the whole object.");
        w.Line("var scan = reader;");
        w.Open("while (scan.Read() && scan.TokenType == " + Token + "PropertyName)");
        w.Open("if (scan.ValueTextEquals(" + ContractEmitter.Literal(union.DiscriminatorJsonName) + "u8))");
        w.Line("scan.Read();");
        foreach (var v in union.Variants)
        {
            w.Open("if (scan.TokenType == " + Token + "String && scan.ValueTextEquals(" + ContractEmitter.Literal(v.Value) + "u8))");
            w.Line("return " + v.RecordName + "Converter.ReadValue(ref reader, options);");
            w.Close();
            w.Line();
        }

        w.Line("throw new " + Exception + "(\"" + Escape(wrong) + "\");");
        w.Close();
        w.Line();
        w.Line("scan.Read();");
        w.Line("scan.Skip();");
        w.Close();
        w.Line();
        w.Line("throw new " + Exception + "(\"" + Escape("missing required property \"" + union.DiscriminatorJsonName + "\" of " + c.What(union.Name)) + "\");");
        w.Close();
        w.Line();
        w.Open("internal static void WriteValue(" + Writer + " writer, " + type + " value, " + Options + " options)");
        w.Open("switch (value)");
        foreach (var v in union.Variants)
        {
            w.Line("case " + c.Qualifier + v.RecordName + " variant" + v.RecordName + ":");
            w.Indent++;
            w.Line(v.RecordName + "Converter.WriteValue(writer, variant" + v.RecordName + ", options);");
            w.Line("return;");
            w.Indent--;
        }

        w.Line("default:");
        w.Indent++;
        w.Line("throw new " + Exception + "(\"" + Escape(c.What(union.Name) + " has no case ") + "\" + value.GetType().Name);");
        w.Indent--;
        w.Close();
        w.Close();
        w.Close();
    }

    private static void EnumConverter(CodeWriter w, EnumModel e, string type)
    {
        ConverterHeader(w, e.Name, type, string.Empty, string.Empty);
        w.Line();
        for (var i = 0; i < e.Members.Count; i++)
        {
            w.Line("private static readonly " + Json + "JsonEncodedText E" + N(i) + " = " + Json + "JsonEncodedText.Encode(" + ContractEmitter.Literal(e.Members[i].WireValue) + ");");
        }

        var expected = new List<string>();
        foreach (var m in e.Members)
        {
            expected.Add("\"" + m.WireValue + "\"");
        }

        w.Line();
        w.Open("internal static " + type + " ReadValue(ref " + Reader + " reader)");
        RequireToken(w, "String", "a string for " + e.Name);
        w.Line();
        foreach (var m in e.Members)
        {
            w.Open("if (reader.ValueTextEquals(" + ContractEmitter.Literal(m.WireValue) + "u8))");
            w.Line("return " + type + "." + m.Name + ";");
            w.Close();
            w.Line();
        }

        w.Line("throw new " + Exception + "(\"\\\"\" + reader.GetString() + \"" + Escape("\" is not a value of " + e.Name + "; expected one of " + string.Join(", ", expected)) + "\");");
        w.Close();
        w.Line();
        w.Open("internal static void WriteValue(" + Writer + " writer, " + type + " value)");
        w.Open("switch (value)");
        for (var i = 0; i < e.Members.Count; i++)
        {
            w.Line("case " + type + "." + e.Members[i].Name + ":");
            w.Indent++;
            w.Line("writer.WriteStringValue(E" + N(i) + ");");
            w.Line("return;");
            w.Indent--;
        }

        w.Line("default:");
        w.Indent++;
        w.Line("throw new " + Exception + "(\"" + Escape("(" + e.Name + ") ") + "\" + ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"" + Escape(" is not a value of " + e.Name) + "\");");
        w.Indent--;
        w.Close();
        w.Close();
        w.Close();
    }

    /// <summary>Emits: unless the reader is at <paramref name="token"/>, a JsonException saying what was expected and what came.</summary>
    private static void RequireToken(CodeWriter w, string token, string expected)
    {
        w.Open("if (reader.TokenType != " + Token + token + ")");
        w.Line("throw new " + Exception + "(\"expected " + Escape(expected) + ", found \" + reader.TokenType.ToString());");
        w.Close();
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for inside a C# string literal that is already open.</summary>
    private static string Escape(string text)
    {
        var literal = ContractEmitter.Literal(text);
        return literal.Substring(1, literal.Length - 2);
    }
}
